import { newState, stateAt } from '../as-of';
import { type DealTable, OPEN } from '../deal-table';

export interface VelocityInputs {
  openDeals: number;
  winRate: number | null;
  /** Minor units. */
  averageWonSize: number | null;
  averageCycleDays: number | null;
}

/**
 * Sales velocity = open deals × win rate × average won deal size ÷ average sales cycle (days): what the pipeline
 * is expected to bring in per day, in minor units. Null when a part is unknown or the cycle is 0 days.
 */
export function salesVelocity(v: VelocityInputs): number | null {
  if (v.winRate === null || v.averageWonSize === null || !v.averageCycleDays) return null;
  return (v.openDeals * v.winRate * v.averageWonSize) / v.averageCycleDays;
}

/** Deals open at `at` (created by then, not closed by then), rebuilt from their history. */
export function openDealsAt(t: DealTable, at: number): number {
  const s = newState();
  let n = 0;
  for (let i = 0; i < t.n; i++) if (stateAt(t, i, at, s) && s.outcome === OPEN) n++;
  return n;
}
