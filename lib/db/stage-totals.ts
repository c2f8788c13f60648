import type { DealIndexRow } from './deal-index';

/** One currency's sums in a stage, in minor units. */
export interface CurrencySums {
  currency: string;
  /** Deals with a known amount in this currency. */
  deals: number;
  /** Σ amount of the deals with a known amount. */
  total: number;
  /** Σ amount × probability of the deals whose probability is their own (an override, or won/lost: 1 or 0). */
  own: number;
  /** Σ amount of the deals that take their stage's probability: weighted = own + stage probability × plain. */
  plain: number;
}

/**
 * What a board column's header shows, kept per stage for every live deal: the count, and per currency the sums
 * its total and weighted amount come from. It lets the board draw its headers (and the counts of collapsed
 * columns) without reading every deal: at 10,000 deals that read is most of a first render. Derived from
 * `dealIndex` on every deal write by lib/db/derived-index.ts (added and subtracted as rows come and go); never
 * written directly. The board computes the same figures from the deals once it has read them.
 */
export interface StageTotalsRow {
  stageId: string;
  count: number;
  /** Deals without a known amount (counted, never treated as zero). */
  unknown: number;
  sums: CurrencySums[];
}

/** `totals` with a board row added (sign 1) or taken away (sign -1). Returns a new row. */
export function applyRow(totals: StageTotalsRow, row: DealIndexRow, sign: 1 | -1): StageTotalsRow {
  const [, , amount, currency, probability, , , , , , , , outcome] = row.v;
  const next: StageTotalsRow = { ...totals, count: totals.count + sign };
  if (amount === null) {
    next.unknown += sign;
    return next;
  }
  const old = totals.sums.find((s) => s.currency === currency) ?? { currency, deals: 0, total: 0, own: 0, plain: 0 };
  const p = outcome === 'won' ? 1 : outcome === 'lost' ? 0 : probability;
  const sums: CurrencySums = {
    currency,
    deals: old.deals + sign,
    total: old.total + sign * amount,
    // Amounts are whole and never negative, so only this sum of products gathers rounding: a deal added and taken
    // away again can leave -0.00000000000009, which a header would show as "-$0". Never below zero.
    own: p === null ? old.own : Math.max(0, old.own + sign * amount * p),
    plain: p === null ? old.plain + sign * amount : old.plain,
  };
  // A currency whose last deal left is dropped, with whatever rounding its weighted sum had gathered.
  next.sums = [...totals.sums.filter((s) => s.currency !== currency), ...(sums.deals > 0 ? [sums] : [])];
  return next;
}

export function emptyTotals(stageId: string): StageTotalsRow {
  return { stageId, count: 0, unknown: 0, sums: [] };
}

/** Every stage's totals from scratch, from the board rows (the upgrade, and after a range delete). */
export function totalsFromRows(rows: Iterable<DealIndexRow>): Map<string, StageTotalsRow> {
  const byStage = new Map<string, StageTotalsRow>();
  for (const row of rows) {
    const stageId = row.stageId;
    if (stageId === undefined) continue; // a deleted deal is on no stage
    byStage.set(stageId, applyRow(byStage.get(stageId) ?? emptyTotals(stageId), row, 1));
  }
  return byStage;
}
