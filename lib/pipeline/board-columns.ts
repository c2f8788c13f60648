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
 * a move appears at once (the live query confirms it a few milliseconds later).
 */
export function withPendingMoves(
  stageId: string,
  deals: readonly BoardDeal[],
  pending: ReadonlyMap<string, PendingMove>,
): BoardDeal[] {
  if (!pending.size) return [...deals];
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
