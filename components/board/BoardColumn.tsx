import type { TargetedDragEvent, TargetedKeyboardEvent } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { memo } from '@/components/memo';
import { useLiveQuery } from '@/components/use-live-query';
import { VirtualList, type VirtualListHandle } from '@/components/virtual-list/VirtualList';
import type { BoardDeal } from '@/lib/db/deal-index';
import type { StageTotalsRow } from '@/lib/db/stage-totals';
import { t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/money';
import type { Settings, Stage } from '@/lib/model';
import {
  adjacentStage,
  type ColumnTotals,
  columnTotals,
  type PendingMove,
  totalsFromStored,
  type Weighing,
  withPendingMoves,
} from '@/lib/pipeline/board-columns';
import { type BoardFilters, dealMatcher, isFiltered, sortDeals } from '@/lib/pipeline/filters';
import { staleLimit } from '@/lib/pipeline/stale';
import { stageDealCount } from '@/lib/read/board';
import { useContactCache } from './contact-cache';
import { CARD_HEIGHT, CARD_OVERSCAN, DEAL_MIME, DealCard } from './DealCard';
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
  /**
   * While the board shows only its columns' first cards: the stage's stored totals (null: none stored, no deal
   * was ever there), which give the header and the column's length. Undefined once the column is read in full.
   */
  stored?: StageTotalsRow | null;
  stages: readonly Stage[];
  settings: Settings;
  /** How weighted amounts are worked out: the manager's forecast method (Settings). */
  weighing: Weighing;
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
  /** "+" in the header: add a person with a deal in this stage (open stages only). */
  onAdd?: (stage: Stage) => void;
}

const SEP = ' · ';

/**
 * One stage of the board. Reads its own deals with a live query (a move re-reads only the two columns it
 * touched), applies moves in flight, filters and sorts in memory, and draws only the visible cards.
 */
export const BoardColumn = memo(function BoardColumn(props: BoardColumnProps) {
  const { stage, settings, filters, collapsed, now } = props;
  // A collapsed column shows its count only, from the stage's stored totals (counting its deals would walk them).
  const count = useLiveQuery(async (db) => (collapsed ? stageDealCount(db, stage.id) : 0), [stage.id, collapsed]);
  const deals = collapsed ? undefined : props.deals;
  // The board opened on stored totals: a collapsed column's count is in them already.
  const collapsedCount = props.stored !== undefined ? (props.stored?.count ?? 0) : count;
  const hasData = collapsed ? collapsedCount !== undefined : deals !== undefined;

  const sortCtx = useMemo(
    () => ({ now, weights: settings.bantWeights, nameRank: props.nameRank }),
    [now, settings.bantWeights, props.nameRank],
  );
  const matcher = useMemo(
    () => dealMatcher(filters, { now, weights: settings.bantWeights, contactIds: props.contactIds }),
    [filters, now, settings.bantWeights, props.contactIds],
  );
  // The column sorted once per change of its deals; moves in flight are then applied to it without sorting
  // thousands of deals again (a move must show at once).
  const sorted = useMemo(() => {
    if (!deals) return [];
    const shown = isFiltered(filters) || props.contactIds ? deals.filter(matcher) : [...deals];
    return sortDeals(shown, filters.sort, sortCtx);
  }, [deals, matcher, filters, props.contactIds, sortCtx]);
  const visible = useMemo(
    () => withPendingMoves(stage.id, sorted, props.pending, { sort: filters.sort, ctx: sortCtx, matches: matcher }),
    [sorted, props.pending, matcher, filters.sort, sortCtx, stage.id],
  );
  const { stored } = props;
  const totals = useMemo(
    () =>
      stored === undefined
        ? columnTotals(visible, stage, settings.currency, props.weighing)
        : totalsFromStored(stored ?? undefined, stage, settings.currency, props.weighing),
    [visible, stored, stage, settings.currency, props.weighing],
  );

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

  // The cards' handlers, the same functions from render to render (so a card whose deal did not change is not
  // drawn again), reading the column's latest props.
  const latest = useRef(props);
  latest.current = props;
  const onCardMove = useCallback((deal: BoardDeal, stageId: string, name: string) => {
    latest.current.onMove(deal, stageId, name, false);
  }, []);
  const onCardKey = useCallback(
    (e: TargetedKeyboardEvent<HTMLElement>, deal: BoardDeal, name: string, index: number) => {
      if (e.target !== e.currentTarget) return;
      const { stages, stage, onMove, onNavigate } = latest.current;
      const key = e.key;
      if (e.shiftKey && (key === 'ArrowLeft' || key === 'ArrowRight')) {
        e.preventDefault();
        const to = adjacentStage(stages, deal.stageId, key === 'ArrowLeft' ? -1 : 1);
        if (to) onMove(deal, to.id, name, true);
      } else if (key === 'ArrowDown' || key === 'ArrowUp') {
        e.preventDefault();
        onNavigate(stage, index + (key === 'ArrowDown' ? 1 : -1), 0);
      } else if (key === 'ArrowLeft' || key === 'ArrowRight') {
        e.preventDefault();
        onNavigate(stage, index, key === 'ArrowLeft' ? -1 : 1);
      } else if (key === 'Enter') {
        e.preventDefault();
        location.hash = `contacts?id=${encodeURIComponent(deal.contactId)}`;
      }
    },
    [],
  );

  const staleAfter = staleLimit(stage);
  const headingId = `column-${stage.id}-title`;
  const shownCount = collapsed ? (collapsedCount ?? 0) : totals.count;
  return (
    <section
      class={`column${collapsed ? ' collapsed' : ''}${over ? ' drop-target' : ''}`}
      data-testid={`column-${stage.id}`}
      data-stage-kind={stage.kind}
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
          {props.onAdd && (
            <button
              type="button"
              class="column-add"
              aria-label={t('add_dealInStage', stage.name)}
              title={t('add_dealInStage', stage.name)}
              data-testid={`add-in-${stage.id}`}
              onClick={() => props.onAdd?.(stage)}
            >
              +
            </button>
          )}
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
            <dd data-testid="column-weighted" data-value={primaryWeighted(totals, settings.currency)}>
              {totals.sums
                .map((s) => (Number.isNaN(s.weighted) ? '…' : formatAmount(s.weighted, s.currency, true)))
                .join(SEP) || '—'}
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
          // Until the column is read in full, its length is the stored count: the rest are placeholders.
          count={stored === undefined ? visible.length : Math.max(totals.count, visible.length)}
          itemHeight={CARD_HEIGHT}
          initialHeight={Math.max(200, window.innerHeight - 220)}
          overscan={CARD_OVERSCAN}
          getKey={(d) => d.id}
          listProps={{ 'aria-labelledby': headingId }}
          renderItem={(deal, index) => {
            if (!deal) return <div class="deal-card skeleton" aria-hidden="true" />;
            const found = contacts.get(deal.contactId);
            // Until its contact is read, a card is an empty frame (cheap, and no "(no name)" flash).
            if (found === undefined) return <div class="deal-card skeleton" aria-hidden="true" />;
            const contact = found ?? undefined;
            return (
              <DealCard
                deal={deal}
                contact={contact}
                index={index}
                stages={props.stages}
                staleAfter={staleAfter}
                settings={settings}
                now={now}
                onMove={onCardMove}
                onKeyDown={onCardKey}
              />
            );
          }}
        />
      )}
    </section>
  );
});

/** The column's weighted amount in the rep's currency, exact, for tools and tests ('' while not known yet). */
function primaryWeighted(totals: ColumnTotals, currency: string): string {
  const w = totals.sums.find((s) => s.currency === currency)?.weighted ?? 0;
  return Number.isNaN(w) ? '' : String(w);
}
