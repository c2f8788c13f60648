import { type DealTable, WON } from '../deal-table';
import { ratio } from '../statistics';
import { type DateRange, inRange } from './range';

export interface FunnelRow {
  stageId: string;
  /** Deals of the cohort that reached this stage. */
  reached: number;
  /** Of those, how many reached the next stage (the won stage, after the last open one). */
  nextReached: number;
  /** nextReached ÷ reached; null when none reached this stage. */
  toNext: number | null;
  /** Of those that reached this stage, how many were won, and the share. */
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
 * Stage conversion for the deals created in the range: of the deals that reached each open stage, the share that
 * reached the next one and the share won. A deal reached a stage if it entered it or any later open stage, or was
 * won (skipping a stage counts as passing it), so the funnel only narrows.
 */
export function stageFunnel(t: DealTable, range: DateRange): StageFunnel {
  const open = t.stages.filter((s) => s.kind === 'open');
  const last = open.length - 1;
  const reachedUpTo = new Int32Array(open.length + 1);
  const wonUpTo = new Int32Array(open.length + 1);
  let cohort = 0;
  let won = 0;
  for (let i = 0; i < t.n; i++) {
    if (!inRange(t.createdAt[i]!, range)) continue;
    cohort++;
    if (t.outcome[i] === WON) {
      won++;
      reachedUpTo[last]!++;
      wonUpTo[last]!++;
      continue;
    }
    let furthest = 0;
    for (let k = t.entryStart[i]!, end = t.entryStart[i + 1]!; k < end; k++) {
      const stage = t.entryStage[k]!;
      const position = stage < 0 ? -1 : t.openPosition[stage]!;
      if (position > furthest) furthest = position;
    }
    reachedUpTo[furthest]!++;
  }
  // Reached stage i = furthest stage ≥ i: cumulate from the last stage back.
  for (let i = last - 1; i >= 0; i--) {
    reachedUpTo[i]! += reachedUpTo[i + 1]!;
    wonUpTo[i]! += wonUpTo[i + 1]!;
  }
  const rows = open.map((s, i) => {
    const reached = reachedUpTo[i]!;
    const nextReached = i < last ? reachedUpTo[i + 1]! : won;
    return {
      stageId: s.id,
      reached,
      nextReached,
      toNext: ratio(nextReached, reached),
      won: wonUpTo[i]!,
      wonShare: ratio(wonUpTo[i]!, reached),
    };
  });
  return { cohort, rows, won };
}
