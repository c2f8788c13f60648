import type { BoardDeal } from '../db/deal-index';
import type { Stage } from '../model';
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

/** Count, total and weighted amount of a column's deals. */
export function columnTotals(deals: readonly BoardDeal[], stage: Stage, primaryCurrency: string): ColumnTotals {
  const sums = new Map<string, MoneySum>();
  let unknown = 0;
  for (const d of deals) {
    if (d.amount === null) {
      unknown++;
      continue;
    }
    const sum = sums.get(d.currency) ?? { currency: d.currency, total: 0, weighted: 0 };
    sum.total += d.amount;
    sum.weighted += Math.round(d.amount * dealProbability(d, stage));
    sums.set(d.currency, sum);
  }
  const list = [...sums.values()].sort((a, b) =>
    a.currency === primaryCurrency ? -1 : b.currency === primaryCurrency ? 1 : b.total - a.total,
  );
  return { count: deals.length, sums: list, unknown };
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
 * A column's deals with the moves in flight applied: deals moving out are hidden, deals moving in are shown, so
 * a move appears at once (the change notice confirms it a few milliseconds later). Without moves in flight, the
 * same array (callers copy before sorting).
 */
export function withPendingMoves(
  stageId: string,
  deals: readonly BoardDeal[],
  pending: ReadonlyMap<string, PendingMove>,
): readonly BoardDeal[] {
  if (!pending.size) return deals;
  const out: BoardDeal[] = [];
  const present = new Set<string>();
  for (const d of deals) {
    const p = pending.get(d.id);
    if (p && p.deal.stageId !== stageId) continue;
    out.push(p ? p.deal : d);
    present.add(d.id);
  }
  for (const p of pending.values()) if (p.deal.stageId === stageId && !present.has(p.deal.id)) out.push(p.deal);
  return out;
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
