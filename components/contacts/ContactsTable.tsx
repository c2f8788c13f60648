import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { OwnerScopeControl } from '@/components/owner-scope/OwnerScopeControl';
import { useMyOwnerNames } from '@/components/owner-scope/use-my-owner-names';
import { useLiveQuery } from '@/components/use-live-query';
import type { ViewProps } from '@/components/view-props';
import { useVirtualizer } from '@/components/virtual-list/use-virtualizer';
import { type MessageKey, t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/money';
import type { Stage } from '@/lib/model';
import { CONTACT_SORTS, type ContactSort } from '@/lib/pipeline/contact-search';
import { contactIdsWithOwner, liveDealOwners } from '@/lib/pipeline/owned-contacts';
import { ownerTest, scopeFromParams, scopeToParams } from '@/lib/pipeline/owner-scope';
import { type ContactRow, contactRows, tableContactIds, tableStores } from '@/lib/read/contacts';
import { sortedStages } from '@/lib/read/stages';
import { formatShortDate } from '../board/format';
import { lazyComponent } from '../popup/lazy';
import { BulkBar } from './BulkBar';
import { useTableQuery } from './use-table-query';

const AddContact = lazyComponent(() => import('./AddContact').then((m) => m.default));
const ROW_HEIGHT = 40;
const SORT_LABELS: Record<ContactSort, MessageKey> = {
  name: 'fieldName',
  company: 'fieldCompany',
  created: 'contacts_created',
  updated: 'contacts_updated',
};

/** The table's state, kept in the URL (#contacts?q=…&sort=…&dir=desc). */
function tableParams(p: URLSearchParams) {
  const sort = p.get('sort') ?? '';
  return {
    q: (p.get('q') ?? '').slice(0, 200),
    leads: p.get('show') === 'leads',
    sort: ((CONTACT_SORTS as readonly string[]).includes(sort) ? sort : 'name') as ContactSort,
    desc: p.get('dir') === 'desc',
  };
}

/**
 * Every live contact in a sortable, searchable, virtualised table. Only the ids of the matching contacts are
 * read up front (index keys); the rows on screen are read as they scroll into view. Select rows to move their
 * deals, tag, export or delete them.
 */
export function ContactsTable({ settings, params, setParams }: ViewProps) {
  const { q, sort, desc, leads } = tableParams(params);
  const set = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };
  const [text, setText] = useState(q);
  const [adding, setAdding] = useState(false);
  useEffect(() => {
    if (text === q) return;
    const id = setTimeout(() => set({ q: text }), 200);
    return () => clearTimeout(id);
  }, [text]);

  const scope = scopeFromParams(params);
  const scoped = scope.mine || !!scope.owner;
  const myNames = useMyOwnerNames(settings.owner);
  const ids = useTableQuery(
    async (db) => {
      const [listed, owned] = await Promise.all([
        tableContactIds(db, { q, sort, desc, leads }),
        scoped ? contactIdsWithOwner(db, ownerTest(scope, myNames)) : null,
      ]);
      return owned ? listed.filter((id) => owned.has(id)) : listed;
    },
    [...tableStores(leads), ...(scoped ? (['dealIndex'] as const) : [])],
    [q, sort, desc, leads, params.get('mine'), params.get('owner'), myNames],
  );
  const dealOwners = useTableQuery(liveDealOwners, ['dealIndex'], []);
  const stages = useLiveQuery(sortedStages, []) ?? [];
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // A selection only holds contacts still listed (deleted or filtered-out ones drop out).
  const listed = useMemo(() => new Set(ids ?? []), [ids]);
  const selection = useMemo(() => [...selected].filter((id) => listed.has(id)), [selected, listed]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: ids?.length ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    initialRect: { width: 0, height: 600 },
  });
  const rows = virtualizer.getVirtualItems();
  const inView = rows.map((r) => ids?.[r.index]).filter((x): x is string => !!x);
  const key = inView.join('|');
  const data = useLiveQuery((db) => contactRows(db, inView), [key]);
  const cache = useRef(new Map<string, ContactRow>());
  if (data) for (const row of data) cache.current.set(row.contact.id, row);
  const stageName = new Map(stages.map((s: Stage) => [s.id, s.name]));

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allSelected = !!ids?.length && selection.length === ids.length;
  const sortHeader = (s: ContactSort) => (
    <th class={`col-${s}`} aria-sort={sort === s ? (desc ? 'descending' : 'ascending') : undefined}>
      <button
        type="button"
        class="sort-button"
        data-testid={`sort-${s}`}
        onClick={() => set({ sort: s === 'name' ? '' : s, dir: sort === s && !desc ? 'desc' : '' })}
      >
        {t(SORT_LABELS[s])}
        <span aria-hidden="true">{sort === s ? (desc ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  );
  // Rows above and below the drawn ones are stood in for by two spacer rows of the right height.
  const total = virtualizer.getTotalSize();
  const top = rows[0]?.start ?? 0;
  const bottom = total - (rows.at(-1)?.end ?? 0);

  return (
    <div class="contacts-view">
      <div class="contacts-toolbar">
        <label>
          <span>{t('board_search')}</span>
          <input
            type="search"
            data-testid="contacts-search"
            placeholder={t('board_searchPlaceholder')}
            value={text}
            maxLength={200}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </label>
        <label>
          <span>{t('contacts_show')}</span>
          <select
            data-testid="contacts-show"
            value={leads ? 'leads' : ''}
            onChange={(e) => set({ show: e.currentTarget.value })}
          >
            <option value="">{t('contacts_filterAll')}</option>
            <option value="leads">{t('contacts_filterLeads')}</option>
          </select>
        </label>
        <OwnerScopeControl
          scope={scope}
          owners={dealOwners ?? []}
          onChange={(next) => setParams(scopeToParams(next, params))}
        />
        <span class="muted" data-testid="contacts-count" role="status">
          {ids ? t('contacts_count', formatNumber(ids.length)) : t('board_loading')}
        </span>
        <button type="button" class="primary" data-testid="add-contact" onClick={() => setAdding(true)}>
          {t('add_contact')}
        </button>
        <a class="trash-link" href="#contacts?trash=1">
          {t('contacts_trash')}
        </a>
      </div>
      {adding && <AddContact dealOnCapture={settings.dealOnCapture} onClose={() => setAdding(false)} />}
      <BulkBar
        selection={selection}
        stages={stages}
        settings={settings}
        onClear={() => setSelected(new Set())}
        onSelectAll={ids && !allSelected ? () => setSelected(new Set(ids)) : undefined}
        total={ids?.length ?? 0}
      />
      {ids && ids.length === 0 && <p class="muted">{q || leads ? t('board_noMatches') : t('pipelineEmpty')}</p>}
      <div ref={scrollRef} class="contacts-scroll">
        <table class="contacts-table" data-testid="contacts-table" aria-rowcount={(ids?.length ?? 0) + 1}>
          <caption class="visually-hidden">{t('contacts_tableLabel')}</caption>
          <thead>
            <tr>
              <th class="col-select">
                <input
                  type="checkbox"
                  aria-label={t('contacts_selectAll')}
                  checked={allSelected}
                  disabled={!ids?.length}
                  onChange={(e) => setSelected(e.currentTarget.checked && ids ? new Set(ids) : new Set())}
                />
              </th>
              {sortHeader('name')}
              {sortHeader('company')}
              <th class="col-email">{t('fieldEmails')}</th>
              <th class="col-stage">{t('fieldStage')}</th>
              <th class="col-tags">{t('board_tag')}</th>
              {sortHeader('created')}
              {sortHeader('updated')}
            </tr>
          </thead>
          <tbody>
            {top > 0 && <tr class="spacer" style={{ height: `${top}px` }} />}
            {rows.map((r) => {
              const id = ids![r.index]!;
              const row = cache.current.get(id);
              const c = row?.contact;
              return (
                <tr
                  key={id}
                  aria-rowindex={r.index + 2}
                  aria-selected={selected.has(id)}
                  data-testid="contact-row"
                  style={{ height: `${ROW_HEIGHT}px` }}
                >
                  <td class="col-select">
                    <input
                      type="checkbox"
                      aria-label={t('contacts_select', c?.name || c?.emails[0] || id)}
                      checked={selected.has(id)}
                      onChange={() => toggle(id)}
                    />
                  </td>
                  <td class="col-name">
                    <a href={`#contacts?id=${encodeURIComponent(id)}`}>
                      {c ? c.name || c.emails[0] || t('unnamed') : '…'}
                    </a>
                    {c?.jobTitle && <span class="muted"> · {c.jobTitle}</span>}
                  </td>
                  <td>{c?.company}</td>
                  <td>{c?.emails[0]}</td>
                  <td>{row?.deals.map((d) => stageName.get(d.stageId) ?? d.stageId).join(', ')}</td>
                  <td>{c?.tags.join(', ')}</td>
                  <td>{c && formatShortDate(c.createdAt)}</td>
                  <td>{c && formatShortDate(c.updatedAt)}</td>
                </tr>
              );
            })}
            {bottom > 0 && <tr class="spacer" style={{ height: `${bottom}px` }} />}
          </tbody>
        </table>
      </div>
    </div>
  );
}
