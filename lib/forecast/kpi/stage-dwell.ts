import { DAY_MS } from '../calendar';
import { type DealTable, OPEN } from '../deal-table';
import { medianInPlace } from '../statistics';
import { type DateRange, inRange } from './range';

export interface StageDwell {
  stageId: string;
  /** Finished stays in the stage (the deal has moved on or closed since). */
  sample: number;
  medianDays: number | null;
}

/**
 * Median days in each open stage, over the finished stays of the deals created in the range: from entering the
 * stage to entering the next (or to the recorded close, for a deal closed without a closing stage entry). Stays
 * still going on are left out, as they are not finished; the bottleneck lists those deals instead.
 */
export function stageDwell(t: DealTable, range: DateRange): StageDwell[] {
  // One pass collects (stage, days) pairs into flat arrays; they are then grouped by stage into one typed array.
  const stageOf = new Int16Array(t.entryStage.length);
  const daysOf = new Float64Array(t.entryStage.length);
  const counts = new Int32Array(t.stages.length);
  let m = 0;
  for (let i = 0; i < t.n; i++) {
    if (!inRange(t.createdAt[i]!, range)) continue;
    const end = t.entryStart[i + 1]!;
    for (let k = t.entryStart[i]!; k < end; k++) {
      const stage = t.entryStage[k]!;
      if (stage < 0 || t.openPosition[stage]! < 0) continue;
      const left = k + 1 < end ? t.entryAt[k + 1]! : t.outcome[i] !== OPEN ? t.closedAt[i]! : Number.NaN;
      if (!(left >= t.entryAt[k]!)) continue;
      stageOf[m] = stage;
      daysOf[m++] = (left - t.entryAt[k]!) / DAY_MS;
      counts[stage]!++;
    }
  }
  const offset = new Int32Array(t.stages.length + 1);
  for (let s = 0; s < t.stages.length; s++) offset[s + 1] = offset[s]! + counts[s]!;
  const grouped = new Float64Array(m);
  const next = offset.slice(0, -1);
  for (let j = 0; j < m; j++) grouped[next[stageOf[j]!]!++] = daysOf[j]!;
  return t.stages.flatMap((s, i) =>
    s.kind === 'open'
      ? [{ stageId: s.id, sample: counts[i]!, medianDays: medianInPlace(grouped.subarray(offset[i]!, offset[i + 1]!)) }]
      : [],
  );
}
