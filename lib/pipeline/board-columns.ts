import type { BoardDeal } from '../db/deal-index';
import type { StageTotalsRow } from '../db/stage-totals';
import { adjustOdds, bantOddsFactor } from '../forecast/probability-methods';
import type { BantWeights, Stage } from '../model';
import { type BoardSort, type SortContext, withChanges } from './filters';
import { dealProbability } from './probability';

/** Sums in one currency (minor units). */
export interface MoneySum {
  currency: string;
  total: number;
  weighted: number;
}

export interface ColumnTotals {
  count: number;
  /** One sum per currency present, the rep's currency first (amounts in different currencies never add up). */
  sums: MoneySum[];
  /** Deals without a known amount (counted, never treated as zero). */
  unknown: number;
}

/** One currency's parts of a column's sums (as lib/db/stage-totals.ts stores them). */
interface SumParts {
  currency: string;
  total: number;
  /** Σ amount × probability of the deals with a probability of their own. */
  own: number;
  /** Σ amount of the deals that take the stage's probability. */
  plain: number;
}

/**
 * How the board weighs deals that take their stage's probability: by the method the manager picked in Settings
 * (settings.forecastMethod), so the headers add up to the forecast's weighted pipeline (lib/forecast/open-pipeline.ts).
 */
export interface Weighing {
  /**
   * Each open stage's win probability by that method (lib/forecast/probability-methods.ts, learned rates from the
   * report worker); null: the stages' own settings; undefined: not known yet (the weighted amount shows as NaN).
   */
  rates: Readonly<Record<string, number>> | null | undefined;
  /** The BANT method: each such deal's odds are moved by its BANT score, with these weights. */
  bant?: BantWeights;
}

/** The stage settings, the default method: what the board did before a method could be picked. */
export const BY_STAGE_SETTINGS: Weighing = { rates: null };

function stageRate(stage: Stage, weighing: Weighing): number {
  if (weighing.rates === null) return stage.probability ?? 0;
  if (weighing.rates === undefined) return Number.NaN;
  return weighing.rates[stage.id] ?? stage.probability ?? 0;
}

/**
 * The column's sums in its currencies, the rep's currency first (then the largest total), each weighted amount
 * rounded once: what the deals' own probabilities give, plus the stage's probability times the rest. NaN when
 * that probability is not known yet (or, with BANT, cannot come from sums alone).
 */
function columnSums(parts: Iterable<SumParts>, primaryCurrency: string, p: number): MoneySum[] {
  const sums = [...parts].map((s) => ({
    currency: s.currency,
    total: s.total,
    // `+ 0`: a sum rounded from a hair below zero is -0, which Intl writes as "-$0" (NaN stays NaN).
    weighted: (s.plain === 0 ? Math.round(s.own) : Math.round(s.own + s.plain * p)) + 0,
  }));
  return sums.sort((a, b) =>
    a.currency === primaryCurrency ? -1 : b.currency === primaryCurrency ? 1 : b.total - a.total,
  );
}

/**
 * Count, total and weighted amount of a column's deals. The weighted amount is worked out as the stored stage
 * totals allow (lib/db/stage-totals.ts: what the deals' own probabilities give, plus the stage's probability
 * times the rest), rounded once, so the header is the same before the board has read its deals and after.
 */
export function columnTotals(
  deals: readonly BoardDeal[],
  stage: Stage,
  primaryCurrency: string,
  weighing: Weighing = BY_STAGE_SETTINGS,
): ColumnTotals {
  const sums = new Map<string, SumParts>();
  const rate = stageRate(stage, weighing);
  let unknown = 0;
  for (const d of deals) {
    if (d.amount === null) {
      unknown++;
      continue;
    }
    let sum = sums.get(d.currency);
    if (!sum) {
      sum = { currency: d.currency, total: 0, own: 0, plain: 0 };
      sums.set(d.currency, sum);
    }
    sum.total += d.amount;
    const own = d.outcome !== null || d.probability !== null;
    if (own) sum.own += d.amount * dealProbability(d, stage);
    else if (weighing.bant) sum.own += d.amount * adjustOdds(rate, bantOddsFactor(d.bant, weighing.bant));
    else sum.plain += d.amount;
  }
  return { count: deals.length, sums: columnSums(sums.values(), primaryCurrency, rate), unknown };
}

/** The same figures from a stage's stored totals (undefined: no deal was ever in it). */
export function totalsFromStored(
  stored: StageTotalsRow | undefined,
  stage: Stage,
  primaryCurrency: string,
  weighing: Weighing = BY_STAGE_SETTINGS,
): ColumnTotals {
  if (!stored) return { count: 0, sums: [], unknown: 0 };
  // BANT moves each deal on its own: the stored sums cannot give it, so it waits for the deals.
  const rate = weighing.bant ? Number.NaN : stageRate(stage, weighing);
  return { count: stored.count, sums: columnSums(stored.sums, primaryCurrency, rate), unknown: stored.unknown };
}

/** A move shown before the background confirms it: the deal as it will be. */
export interface PendingMove {
  deal: BoardDeal;
  from: string;
}

/** The deal as the board will show it once moved into `stage` at `at` (see dealInStage for the stored one). */
export function movedBoardDeal(deal: BoardDeal, stage: Stage, at: number): BoardDeal {
  return {
    ...deal,
    stageId: stage.id,
    enteredAt: at,
    updatedAt: at,
    outcome: stage.kind === 'open' ? null : stage.kind,
  };
}

/**
 * A sorted column with the moves in flight applied: deals moving out are hidden, deals moving in are shown at
 * their places (if they pass the column's filters), so a move appears at once (the change notice confirms it a
 * few milliseconds later) without sorting the column again. Without moves in flight, the same array.
 */
export function withPendingMoves(
  stageId: string,
  sorted: readonly BoardDeal[],
  pending: ReadonlyMap<string, PendingMove>,
  order: { sort: BoardSort; ctx: SortContext; matches?: (deal: BoardDeal) => boolean },
): readonly BoardDeal[] {
  if (!pending.size) return sorted;
  const insert = [...pending.values()].flatMap((p) =>
    p.deal.stageId === stageId && (order.matches?.(p.deal) ?? true) ? [p.deal] : [],
  );
  return withChanges(sorted, new Set(pending.keys()), insert, order.sort, order.ctx);
}

/** The stage before or after `stageId` in board order (for keyboard moves), or undefined at either end. */
export function adjacentStage(stages: readonly Stage[], stageId: string, step: -1 | 1): Stage | undefined {
  const i = stages.findIndex((s) => s.id === stageId);
  return i < 0 ? undefined : stages[i + step];
}

/** The deals of the board's loaded (expanded) columns, by stage, and where each deal is. */
export interface BoardState {
  byStage: ReadonlyMap<string, readonly BoardDeal[]>;
  stageOf: ReadonlyMap<string, string>;
}

export function boardStateFrom(byStage: ReadonlyMap<string, readonly BoardDeal[]>): BoardState {
  const stageOf = new Map<string, string>();
  for (const [stageId, deals] of byStage) for (const d of deals) stageOf.set(d.id, stageId);
  return { byStage, stageOf };
}

/**
 * The board after some deals changed: each changed deal leaves the column it was in and joins the column of its
 * stage, if that column is loaded (`deal` undefined: deleted, or no longer on the board). Only the columns that
 * changed get new arrays, so the others are not drawn again.
 */
export function patchBoard(
  state: BoardState,
  changes: readonly { id: string; deal: BoardDeal | undefined }[],
): BoardState {
  if (!changes.length) return state;
  const touched = new Map<string, BoardDeal[]>();
  const column = (stageId: string) => {
    let list = touched.get(stageId);
    if (!list) {
      list = [...(state.byStage.get(stageId) ?? [])];
      touched.set(stageId, list);
    }
    return list;
  };
  const stageOf = new Map(state.stageOf);
  for (const { id, deal } of changes) {
    const was = stageOf.get(id);
    if (was !== undefined) {
      const list = column(was);
      const i = list.findIndex((d) => d.id === id);
      if (i >= 0) list.splice(i, 1);
      stageOf.delete(id);
    }
    if (deal && deal.deletedAt === null && state.byStage.has(deal.stageId)) {
      column(deal.stageId).push(deal);
      stageOf.set(id, deal.stageId);
    }
  }
  const byStage = new Map(state.byStage);
  for (const [stageId, list] of touched) if (state.byStage.has(stageId)) byStage.set(stageId, list);
  return { byStage, stageOf };
}
