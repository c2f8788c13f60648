import { DAY_MS } from '../calendar';
import { amountAt, currencyAt, type DealTable, OPEN } from '../deal-table';
import { median } from '../statistics';
import type { StageDwell } from './stage-dwell';
import type { FunnelRow } from './stage-funnel';

/** Deals a stage needs (reached it, or finished stays in it) before it is compared with the others. */
export const BOTTLENECK_MIN_SAMPLE = 5;

export interface StuckDeal {
  dealId: string;
  contactId: string;
  title: string;
  /** Days since it entered the stage. */
  days: number;
  amount: number | null;
  currency: string;
}

export interface Bottleneck {
  stageId: string;
  /** What makes it stand out: its lower conversion, or its longer stays, relative to the other stages. */
  reason: 'conversion' | 'dwell';
  /** How many times worse than the median of the other stages (Infinity when it converts nothing). */
  severity: number;
  conversion: number | null;
  othersConversion: number | null;
  medianDays: number | null;
  othersMedianDays: number | null;
  /** Open deals in the stage now, longest there first. */
  stuck: StuckDeal[];
}

function othersMedian(values: readonly (number | null)[], skip: number): number | null {
  return median(values.flatMap((v, i) => (i === skip || v === null ? [] : [v])));
}

/** How many times `worse` is than `typical` (1: no worse). */
function times(worse: number, typical: number): number {
  if (typical === 0) return worse > 0 ? Number.POSITIVE_INFINITY : 1;
  return worse / typical;
}

/**
 * The bottleneck: for each open stage with enough deals, how many times worse it is than the median of the other
 * stages, in conversion to the next stage (their median ÷ its conversion) and in median days spent in it (its
 * days ÷ their median). The stage with the largest ratio is the bottleneck, if it is above 1 and at least two
 * stages could be compared; ties go to the earlier stage. Its open deals are listed, longest there first.
 */
export function findBottleneck(
  funnel: readonly FunnelRow[],
  dwell: readonly StageDwell[],
  t: DealTable,
  now: number,
  opts: { minSample?: number; limit?: number } = {},
): Bottleneck | null {
  const min = opts.minSample ?? BOTTLENECK_MIN_SAMPLE;
  const conv = funnel.map((r) => (r.reached >= min ? r.toNext : null));
  const days = funnel.map((r) => {
    const d = dwell.find((x) => x.stageId === r.stageId);
    return d && d.sample >= min ? d.medianDays : null;
  });
  const comparable = (values: (number | null)[]) => values.filter((v) => v !== null).length >= 2;
  let best: Omit<Bottleneck, 'stuck'> | undefined;
  funnel.forEach((row, i) => {
    const c = conv[i]!;
    const oc = othersMedian(conv, i);
    const d = days[i]!;
    const od = othersMedian(days, i);
    const convRatio = comparable(conv) && c !== null && oc !== null ? times(oc, c) : 0;
    const dwellRatio = comparable(days) && d !== null && od !== null ? times(d, od) : 0;
    const severity = Math.max(convRatio, dwellRatio);
    if (severity > 1 && (!best || severity > best.severity))
      best = {
        stageId: row.stageId,
        reason: convRatio >= dwellRatio ? 'conversion' : 'dwell',
        severity,
        conversion: row.toNext,
        othersConversion: oc,
        medianDays: d,
        othersMedianDays: od,
      };
  });
  if (!best) return null;
  const stage = t.stageIndex.get(best.stageId) ?? -1;
  // Rows open in the stage, by when they entered it (their last stage entry), oldest first; only the first few
  // become objects.
  const rows: number[] = [];
  const entered = new Float64Array(t.n);
  for (let i = 0; i < t.n; i++) {
    if (t.outcome[i] !== OPEN || t.stage[i] !== stage) continue;
    const last = t.entryStart[i + 1]! - 1;
    entered[i] = last >= t.entryStart[i]! ? t.entryAt[last]! : t.createdAt[i]!;
    rows.push(i);
  }
  rows.sort((a, b) => entered[a]! - entered[b]! || a - b);
  const stuck = rows.slice(0, opts.limit ?? 10).map((i): StuckDeal => {
    return {
      dealId: t.ids[i]!,
      contactId: t.contactIds[i]!,
      title: t.titles[i]!,
      days: Math.max(0, (now - entered[i]!) / DAY_MS),
      amount: amountAt(t, i),
      currency: currencyAt(t, i),
    };
  });
  return { ...best, stuck };
}
