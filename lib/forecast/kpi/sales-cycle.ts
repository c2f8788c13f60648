import { DAY_MS } from '../calendar';
import { type DealTable, WON } from '../deal-table';
import { mean, median } from '../statistics';
import { type DateRange, inRange } from './range';

export interface SalesCycle {
  /** Won deals in the range. */
  count: number;
  /** Days from creation to won: the middle value, and the mean (which sales velocity uses). */
  medianDays: number | null;
  meanDays: number | null;
}

/** Sales cycle: days from a deal's creation to its win, over the deals won in the range. */
export function salesCycle(t: DealTable, range: DateRange): SalesCycle {
  const days: number[] = [];
  for (let i = 0; i < t.n; i++)
    // A deal with no known start has no known cycle (createdAt NaN): left out, not counted as 0 days.
    if (t.outcome[i] === WON && inRange(t.closedAt[i]!, range) && !Number.isNaN(t.createdAt[i]!))
      days.push(Math.max(0, (t.closedAt[i]! - t.createdAt[i]!) / DAY_MS));
  return { count: days.length, medianDays: median(days), meanDays: mean(days) };
}
