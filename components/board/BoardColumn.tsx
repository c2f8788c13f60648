import type { TargetedDragEvent } from 'preact';
import { memo } from 'preact/compat';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLiveQuery } from '@/components/use-live-query';
import { VirtualList, type VirtualListHandle } from '@/components/virtual-list/VirtualList';
import { getDb } from '@/lib/db/database';
import type { BoardDeal } from '@/lib/db/deal-index';
import { t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/money';
import type { Settings, Stage } from '@/lib/model';
import { columnTotals, type PendingMove, withPendingMoves } from '@/lib/pipeline/board-columns';
import { type BoardFilters, dealMatcher, isFiltered, sortDeals } from '@/lib/pipeline/filters';
import { useContactCache } from './contact-cache';
import { CARD_HEIGHT, contactLabel, DEAL_MIME, DealCard } from './DealCard';
import { formatAmount } from './format';

/** What the board asks a column to bring into view (and focus, for keyboard moves and navigation). */
export interface FocusRequest {
  stageId: string;
  dealId?: string;
  index?: number;
  focus: boolean;
  seq: number;
}

export interface BoardColumnProps {
  stage: Stage;
  /** The column's deals (from useBoardDeals); undefined while they load or when collapsed. */
  deals: readonly BoardDeal[] | undefined;
  stages: readonly Stage[];
  settings: Settings;
  filters: BoardFilters;
  contactIds: ReadonlySet<string> | null;
  nameRank: ReadonlyMap<string, number> | undefined;
  now: number;
  pending: ReadonlyMap<string, PendingMove>;
  collapsed: boolean;
  onToggle?: () => void;
  onMove: (deal: BoardDeal, stageId: string, name: string, keyboard: boolean) => void;
  /** Arrow keys: the card at `index` in this column (step 0) or the neighbouring column (step ±1). */
  onNavigate: (from: Stage, index: number, step: -1 | 0 | 1) => void;
  onDropDeal: (dealId: string, stageId: string) => void;
  focus: FocusRequest | null;
  onShown: (stageId: string, info: { deals: readonly BoardDeal[]; ready: boolean }) => void;
}

const SEP = ' · ';

/**
 * One stage of the board. Reads its own deals with a live query (a move re-reads only the two columns it
 * touched), applies moves in flight, filters and sorts in memory, and draws only the visible cards.
 */
export const BoardColumn = memo(function BoardColumn(props: BoardColumnProps) {
  const { stage, settings, filters, collapsed, now } = props;
  const db = getDb();
  // A collapsed column shows its count only (an index count: the deal index lists live deals).
  const count = useLiveQuery(
    async () => (collapsed ? db.dealIndex.where('stageId').equals(stage.id).count() : 0),
    [stage.id, collapsed],
  );
  const deals = collapsed ? undefined : props.deals;
  const hasData = collapsed ? count !== undefined : deals !== undefined;

  const visible = useMemo(() => {
    if (!deals) return [];
    const matcher = dealMatcher(filters, { now, weights: settings.bantWeights, contactIds: props.contactIds });
    const all = withPendingMoves(stage.id, deals, props.pending);
    const shown = isFiltered(filters) || props.contactIds ? all.filter(matcher) : [...all];
    return sortDeals(shown, filters.sort, { now, weights: settings.bantWeights, nameRank: props.nameRank });
  }, [deals, props.pending, filters, props.contactIds, props.nameRank, now, settings.bantWeights, stage.id]);
  const totals = useMemo(() => columnTotals(visible, stage, settings.currency), [visible, stage, settings.currency]);

  // Contacts for the cards in view (plus overscan), read in one batch per range.
  const list = useRef<VirtualListHandle>(null);
  const [range, setRange] = useState<[number, number]>([0, 14]);
  const contacts = useContactCache();
  const inView = visible.slice(range[0], range[1] + 1);
  contacts.request(inView.map((d) => d.contactId));
  const loaded = inView.every((d) => contacts.get(d.contactId) !== undefined);
  useLayoutEffect(() => {
    const r = list.current?.renderedRange();
    if (r && (r[0] !== range[0] || r[1] !== range[1])) setRange(r);
  });
  const ready = hasData && (collapsed || loaded);
  useLayoutEffect(() => props.onShown(stage.id, { deals: visible, ready }), [visible, ready]);

  // Bring a card into view, and focus it when asked (keyboard moves and arrow navigation).
  useEffect(() => {
    const req = props.focus;
    if (!req || req.stageId !== stage.id || collapsed) return;
    const index = req.dealId
      ? visible.findIndex((d) => d.id === req.dealId)
      : Math.min(req.index ?? 0, visible.length - 1);
    if (index < 0) return;
    const dealId = visible[index]!.id;
    list.current?.scrollToIndex(index);
    if (!req.focus) return;
    let tries = 0;
    const tryFocus = () => {
      const el = document.querySelector<HTMLElement>(`[data-deal-id="${CSS.escape(dealId)}"]`);
      if (el) el.focus();
      else if (++tries < 10) requestAnimationFrame(tryFocus);
    };
    requestAnimationFrame(tryFocus);
  }, [props.focus, visible.length > 0]);

  const [over, setOver] = useState(false);
  const dropProps = {
    onDragOver: (e: TargetedDragEvent<HTMLElement>) => {
      if (!e.dataTransfer?.types.includes(DEAL_MIME)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      setOver(true);
    },
    onDragLeave: (e: TargetedDragEvent<HTMLElement>) => {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
    },
    onDrop: (e: TargetedDragEvent<HTMLElement>) => {
      setOver(false);
      const dealId = e.dataTransfer?.getData(DEAL_MIME);
      if (!dealId) return;
      e.preventDefault();
      props.onDropDeal(dealId, stage.id);
    },
  };

  const headingId = `column-${stage.id}-title`;
  const shownCount = collapsed ? (count ?? 0) : totals.count;
  return (
    <section
      class={`column${collapsed ? ' collapsed' : ''}${over ? ' drop-target' : ''}`}
      data-testid={`column-${stage.id}`}
      aria-labelledby={headingId}
      style={{ '--stage-color': stage.color }}
      {...dropProps}
    >
      <header class="column-head">
        <div class="column-title">
          <h2 id={headingId}>{stage.name}</h2>
          <span class="column-count" data-testid="column-count">
            {formatNumber(shownCount)}
          </span>
          {props.onToggle && (
            <button
              type="button"
              class="column-toggle"
              aria-expanded={!collapsed}
              data-testid={`toggle-${stage.id}`}
              onClick={props.onToggle}
            >
              {collapsed ? t('board_show', stage.name) : t('board_hide', stage.name)}
            </button>
          )}
        </div>
        {!collapsed && (
          <dl class="column-totals">
            <dt>{t('board_total')}</dt>
            <dd data-testid="column-total">
              {totals.sums.map((s) => formatAmount(s.total, s.currency, true)).join(SEP) || '—'}
            </dd>
            <dt>{t('board_weighted')}</dt>
            <dd data-testid="column-weighted">
              {totals.sums.map((s) => formatAmount(s.weighted, s.currency, true)).join(SEP) || '—'}
            </dd>
            {totals.unknown > 0 && <dd class="muted">{t('board_unknownAmounts', formatNumber(totals.unknown))}</dd>}
          </dl>
        )}
      </header>
      {collapsed ? (
        <p class="muted column-hint">{t('board_collapsedHint')}</p>
      ) : !hasData ? (
        <p class="muted column-hint">{t('board_loading')}</p>
      ) : visible.length === 0 ? (
        <p class="muted column-hint">{t('board_empty')}</p>
      ) : (
        <VirtualList
          handle={list}
          class="column-body"
          items={visible}
          itemHeight={CARD_HEIGHT}
          initialHeight={Math.max(200, window.innerHeight - 220)}
          overscan={4}
          getKey={(d) => d.id}
          listProps={{ 'aria-labelledby': headingId }}
          renderItem={(deal, index) => {
            const found = contacts.get(deal.contactId);
            // Until its contact is read, a card is an empty frame (cheap, and no "(no name)" flash).
            if (found === undefined) return <div class="deal-card skeleton" aria-hidden="true" />;
            const contact = found ?? undefined;
            const name = contactLabel(contact);
            return (
              <DealCard
                deal={deal}
                contact={contact}
                stages={props.stages}
                settings={settings}
                now={now}
                onMove={(stageId) => props.onMove(deal, stageId, name, false)}
                onKeyDown={(e) => {
                  if (e.target !== e.currentTarget) return;
                  const key = e.key;
                  if (e.shiftKey && (key === 'ArrowLeft' || key === 'ArrowRight')) {
                    e.preventDefault();
                    const i = props.stages.findIndex((s) => s.id === deal.stageId);
                    const to = props.stages[i + (key === 'ArrowLeft' ? -1 : 1)];
                    if (to) props.onMove(deal, to.id, name, true);
                  } else if (key === 'ArrowDown' || key === 'ArrowUp') {
                    e.preventDefault();
                    props.onNavigate(stage, index + (key === 'ArrowDown' ? 1 : -1), 0);
                  } else if (key === 'ArrowLeft' || key === 'ArrowRight') {
                    e.preventDefault();
                    props.onNavigate(stage, index, key === 'ArrowLeft' ? -1 : 1);
                  } else if (key === 'Enter') {
                    e.preventDefault();
                    location.hash = `contacts?id=${encodeURIComponent(deal.contactId)}`;
                  }
                }}
              />
            );
          }}
        />
      )}
    </section>
  );
});
