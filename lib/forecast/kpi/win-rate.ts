import { type DealTable, OPEN, WON } from '../deal-table';
import { ratio } from '../statistics';
import { type DateRange, inRange } from './range';

export interface WinRate {
  won: number;
  lost: number;
  /** won ÷ (won + lost); null when nothing closed in the range. */
  rate: number | null;
}

/** Win rate = won ÷ (won + lost) among deals closed in the range. */
export function winRate(t: DealTable, range: DateRange): WinRate {
  let won = 0;
  let lost = 0;
  for (let i = 0; i < t.n; i++) {
    if (t.outcome[i] === OPEN || !inRange(t.closedAt[i]!, range)) continue;
    if (t.outcome[i] === WON) won++;
    else lost++;
  }
  return { won, lost, rate: ratio(won, won + lost) };
}
