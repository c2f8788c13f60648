import { currencyCode, type DealTable, WON } from '../deal-table';
import { type DateRange, inRange } from './range';

export interface WonDealSize {
  /** Won deals in the range with a known amount in the currency. */
  count: number;
  total: number;
  /** total ÷ count in minor units (unrounded); null when there is none. */
  average: number | null;
  /** Won deals in the range left out of the average: amount unknown, or in another currency. */
  unknownAmount: number;
  otherCurrency: number;
}

/** Average won deal size: the mean amount of the deals won in the range (known amounts in `currency`). */
export function averageWonDealSize(t: DealTable, range: DateRange, currency: string): WonDealSize {
  const code = currencyCode(t, currency);
  let count = 0;
  let total = 0;
  let unknownAmount = 0;
  let otherCurrency = 0;
  for (let i = 0; i < t.n; i++) {
    if (t.outcome[i] !== WON || !inRange(t.closedAt[i]!, range)) continue;
    const amount = t.amount[i]!;
    if (Number.isNaN(amount)) unknownAmount++;
    else if (t.currency[i] !== code) otherCurrency++;
    else {
      count++;
      total += amount;
    }
  }
  return { count, total, average: count ? total / count : null, unknownAmount, otherCurrency };
}
