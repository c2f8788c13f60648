import { type DealTable, WON } from '../deal-table';
import { ratio } from '../statistics';
import { type DateRange, inRange } from './range';

export interface FunnelRow {
  stageId: string;
  /** Deals of the cohort that entered this stage. */
  reached: number;
  /** Deals of the cohort that went past it without entering it (into a later stage, or won): skipped, not passed. */
  skipped: number;
  /** Of those that entered it, how many went on: into a later open stage, or won. */
  nextReached: number;
  /** nextReached ÷ reached; null when none entered this stage. */
  toNext: number | null;
  /** Of those that entered this stage, how many were won, and the share. */
  won: number;
  wonShare: number | null;
}

export interface StageFunnel {
  /** Deals created in the range: the funnel follows this cohort. */
  cohort: number;
  /** One row per open stage, in pipeline order. */
  rows: FunnelRow[];
  won: number;
}

/**
 * Stage conversion for the deals created in the range: of the deals that entered each open stage, the share that
 * went on (entered a later stage, or were won) and the share won. A stage a deal never entered is not counted as
 * passed: it is counted apart as skipped. (An import of closed deals that start at the file's "Engaging" stage
 * used to show 100 % conversion through four stages nobody entered, and the first stage as the bottleneck.) A
 * deal with no known start (createdAt NaN) is in no cohort.
 */
export function stageFunnel(t: DealTable, range: DateRange): StageFunnel {
  const open = t.stages.filter((s) => s.kind === 'open');
  const count = open.length;
  const reached = new Int32Array(count);
  const skipped = new Int32Array(count);
  const wentOn = new Int32Array(count);
  const wonFrom = new Int32Array(count);
  const entered = new Uint8Array(count);
  let cohort = 0;
  let won = 0;
  for (let i = 0; i < t.n; i++) {
    if (!inRange(t.createdAt[i]!, range)) continue;
    cohort++;
    entered.fill(0);
    let furthest = -1;
    for (let k = t.entryStart[i]!, end = t.entryStart[i + 1]!; k < end; k++) {
      const stage = t.entryStage[k]!;
      const position = stage < 0 ? -1 : t.openPosition[stage]!;
      if (position < 0) continue;
      entered[position] = 1;
      if (position > furthest) furthest = position;
    }
    const isWon = t.outcome[i] === WON;
    if (isWon) {
      won++;
      furthest = count; // past every open stage
    }
    for (let p = 0; p < count; p++) {
      if (entered[p]) {
        reached[p]!++;
        if (furthest > p) wentOn[p]!++;
        if (isWon) wonFrom[p]!++;
      } else if (furthest > p) skipped[p]!++;
    }
  }
  const rows = open.map((s, p) => ({
    stageId: s.id,
    reached: reached[p]!,
    skipped: skipped[p]!,
    nextReached: wentOn[p]!,
    toNext: ratio(wentOn[p]!, reached[p]!),
    won: wonFrom[p]!,
    wonShare: ratio(wonFrom[p]!, reached[p]!),
  }));
  return { cohort, rows, won };
}
