import { type Period, periodIndexAt } from '../calendar';
import { currencyCode, type DealTable, WON } from '../deal-table';
import { type DateRange, inRange } from './range';

export interface WonInPeriod {
  key: string;
  /** Won deals closed in the period (all, with or without a known amount in the currency). */
  deals: number;
  /** Σ known amounts in the currency, exact (minor units). */
  amount: number;
}

/** Won value per period (months or quarters) of the range, by the day each deal was won. */
export function wonByPeriod(
  t: DealTable,
  range: DateRange,
  periods: readonly Period[],
  currency: string,
): WonInPeriod[] {
  const rows = periods.map((p) => ({ key: p.key, deals: 0, amount: 0 }));
  const code = currencyCode(t, currency);
  for (let i = 0; i < t.n; i++) {
    if (t.outcome[i] !== WON || !inRange(t.closedAt[i]!, range)) continue;
    const r = periodIndexAt(periods, t.closedAt[i]!);
    if (r < 0) continue;
    rows[r]!.deals++;
    if (t.currency[i] === code && !Number.isNaN(t.amount[i]!)) rows[r]!.amount += t.amount[i]!;
  }
  return rows;
}

/** The first and last instants any deal was created or closed at (NaN for unknown starts left out); null if none. */
export function dealSpan(t: DealTable): { first: number; last: number } | null {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < t.n; i++) {
    for (const at of [t.createdAt[i]!, t.closedAt[i]!]) {
      if (Number.isNaN(at)) continue;
      if (at < first) first = at;
      if (at > last) last = at;
    }
  }
  return first <= last ? { first, last } : null;
}
