import { useEffect, useState } from 'preact/hooks';
import { OwnerScopeControl } from '@/components/owner-scope/OwnerScopeControl';
import { type MessageKey, t } from '@/lib/i18n';
import {
  BOARD_SORTS,
  type BoardFilters,
  type BoardSort,
  CLOSE_PERIODS,
  type ClosePeriod,
  DEFAULT_FILTERS,
  isFiltered,
} from '@/lib/pipeline/filters';

const CLOSE_LABELS: Record<ClosePeriod, MessageKey> = {
  past: 'board_closePast',
  'this-month': 'board_closeThisMonth',
  'next-month': 'board_closeNextMonth',
  'this-quarter': 'board_closeThisQuarter',
  'next-quarter': 'board_closeNextQuarter',
  'this-year': 'board_closeThisYear',
  none: 'board_closeNone',
};
const SORT_LABELS: Record<BoardSort, MessageKey> = {
  days: 'board_sortDays',
  amount: 'board_sortAmount',
  bant: 'board_sortBant',
  close: 'board_sortClose',
  followup: 'board_sortFollowup',
  updated: 'board_sortUpdated',
  name: 'board_sortName',
};
const BANT_STEPS = [25, 50, 75];

export interface FacetLists {
  owners: string[];
  sources: string[];
  tags: string[];
}

/** The board's filters and sort. Every change goes to the URL (the board re-reads it), so reload keeps them. */
export function BoardFiltersBar({
  filters,
  facets,
  onChange,
}: {
  filters: BoardFilters;
  facets: FacetLists;
  onChange: (patch: Partial<BoardFilters>) => void;
}) {
  // The text box updates the URL after a short pause, not on every key.
  const [q, setQ] = useState(filters.q);
  useEffect(() => setQ(filters.q), [filters.q]);
  useEffect(() => {
    if (q === filters.q) return;
    const id = setTimeout(() => onChange({ q }), 200);
    return () => clearTimeout(id);
  }, [q]);
  const withCurrent = (list: string[], value: string) => (value && !list.includes(value) ? [value, ...list] : list);
  return (
    <form class="board-filters" aria-label={t('board_filtersLabel')} onSubmit={(e) => e.preventDefault()}>
      <label>
        <span>{t('board_search')}</span>
        <input
          type="search"
          data-testid="board-search"
          placeholder={t('board_searchPlaceholder')}
          value={q}
          maxLength={200}
          onInput={(e) => setQ(e.currentTarget.value)}
        />
      </label>
      <OwnerScopeControl
        scope={filters.mine ? { mine: true } : { mine: false, owner: filters.owner }}
        owners={facets.owners}
        onChange={(scope) => onChange(scope.mine ? { mine: true, owner: '' } : { mine: false, owner: scope.owner })}
      />
      <label>
        <span>{t('board_source')}</span>
        <select value={filters.source} onChange={(e) => onChange({ source: e.currentTarget.value })}>
          <option value="">{t('board_anySource')}</option>
          {withCurrent(facets.sources, filters.source).map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('board_tag')}</span>
        <select value={filters.tag} onChange={(e) => onChange({ tag: e.currentTarget.value })}>
          <option value="">{t('board_anyTag')}</option>
          {withCurrent(facets.tags, filters.tag).map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('board_close')}</span>
        <select value={filters.close} onChange={(e) => onChange({ close: e.currentTarget.value as ClosePeriod | '' })}>
          <option value="">{t('board_anyClose')}</option>
          {CLOSE_PERIODS.map((p) => (
            <option key={p} value={p}>
              {t(CLOSE_LABELS[p])}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('board_bantMin')}</span>
        <select
          data-testid="board-bant"
          value={filters.bantMin === null ? '' : String(filters.bantMin)}
          onChange={(e) => {
            const v = e.currentTarget.value;
            onChange({ bantMin: v === '' ? null : Number(v) });
          }}
        >
          <option value="">{t('board_anyBant')}</option>
          {[...new Set([...BANT_STEPS, ...(filters.bantMin === null ? [] : [filters.bantMin])])]
            .sort((a, b) => a - b)
            .map((n) => (
              <option key={n} value={String(n)}>
                {t('board_bantAtLeast', n)}
              </option>
            ))}
        </select>
      </label>
      <label class="inline">
        <input
          type="checkbox"
          data-testid="board-overdue"
          checked={filters.overdue}
          onChange={(e) => onChange({ overdue: e.currentTarget.checked })}
        />
        <span>{t('board_overdueOnly')}</span>
      </label>
      <label>
        <span>{t('board_sort')}</span>
        <select
          data-testid="board-sort"
          value={filters.sort}
          onChange={(e) => onChange({ sort: e.currentTarget.value as BoardSort })}
        >
          {BOARD_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(SORT_LABELS[s])}
            </option>
          ))}
        </select>
      </label>
      {isFiltered(filters) && (
        <button
          type="button"
          onClick={() => {
            setQ('');
            onChange({ ...DEFAULT_FILTERS, sort: filters.sort, expanded: filters.expanded });
          }}
        >
          {t('board_clear')}
        </button>
      )}
    </form>
  );
}
