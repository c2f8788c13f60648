import type { Deal, ForecastCategory, Stage } from '../model';
import { sortStages } from '../pipeline/default-stages';

/** Forecast categories by code (ForecastCategory's values, kept here so the worker does not load zod). */
export const CATEGORIES = [
  'pipeline',
  'best_case',
  'commit',
  'closed',
  'omitted',
] as const satisfies readonly ForecastCategory[];

/** Outcome codes in the table. */
export const OPEN = 0;
export const WON = 1;
export const LOST = 2;
const KIND_CODE = { open: OPEN, won: WON, lost: LOST } as const;

/**
 * The deals as columns of typed arrays, built once per read and shared by every forecast and KPI function:
 * 100,000 deals are walked many times per report (each past forecast date is a pass), and flat numeric
 * columns keep each pass to about a millisecond where objects cost ten. Deleted deals are left out here.
 * Unknown values are NaN (numbers) or -1 (codes); `deals[i]` is row i's deal, for lists (ids, titles).
 */
export interface DealTable {
  n: number;
  deals: readonly Deal[];
  /** In pipeline order; every stage index below points in here (-1: a stage that no longer exists). */
  stages: Stage[];
  stageIndex: ReadonlyMap<string, number>;
  /** Per stage: OPEN, WON or LOST. */
  stageKind: Int8Array;
  /** Per stage: its position among the open stages, -1 for won/lost. */
  openPosition: Int16Array;
  openStages: number;
  createdAt: Float64Array;
  /** NaN while open. */
  closedAt: Float64Array;
  outcome: Int8Array;
  stage: Int16Array;
  /** Minor units; NaN when unknown. */
  amount: Float64Array;
  currency: Int16Array;
  currencies: string[];
  /** Expected close as yyyymmdd (20261129), 0 when none. */
  expectedClose: Int32Array;
  /** The deal's probability override, NaN when none. */
  probability: Float64Array;
  /** The deal's category override (index in CATEGORIES), -1 when none. */
  category: Int8Array;
  source: Int16Array;
  sources: string[];
  /** Stage history, flattened: row i's entries are entryStart[i] … entryStart[i + 1] - 1, oldest first. */
  entryStart: Int32Array;
  entryStage: Int16Array;
  entryAt: Float64Array;
}

/** `YYYY-MM-DD` → yyyymmdd, so day comparisons are integer comparisons. */
export function dayNumber(day: string): number {
  let n = 0;
  for (let k = 0; k < 10; k++) if (k !== 4 && k !== 7) n = n * 10 + day.charCodeAt(k) - 48;
  return n;
}

/** Numbers the distinct values of a column (currency, source) into `list`; most rows repeat the previous one. */
function interner(list: string[]) {
  const index = new Map<string, number>();
  let last: string | undefined;
  let lastIndex = -1;
  return (value: string) => {
    if (value === last) return lastIndex;
    let i = index.get(value);
    if (i === undefined) {
      i = list.length;
      list.push(value);
      index.set(value, i);
    }
    last = value;
    lastIndex = i;
    return i;
  };
}

/** Builds the table from the deals and stages as read from the database. */
export function dealTable(all: readonly Deal[], stageList: readonly Stage[]): DealTable {
  const stages = sortStages(stageList);
  const stageIndex = new Map(stages.map((s, i) => [s.id, i]));
  const stageKind = Int8Array.from(stages, (s) => KIND_CODE[s.kind]);
  const openPosition = new Int16Array(stages.length).fill(-1);
  let openStages = 0;
  stages.forEach((s, i) => {
    if (s.kind === 'open') openPosition[i] = openStages++;
  });
  const currencies: string[] = [];
  const sources: string[] = [];
  const currencyOf = interner(currencies);
  const sourceOf = interner(sources);
  const categoryCode = new Map<ForecastCategory, number>(CATEGORIES.map((c, i) => [c, i]));
  // One pass over the deals, into local columns (sized for every deal; deleted ones are skipped, so the columns
  // may end up longer than n). The history columns grow as needed.
  const size = all.length;
  const createdAt = new Float64Array(size);
  const closedAt = new Float64Array(size);
  const outcome = new Int8Array(size);
  const stage = new Int16Array(size);
  const amount = new Float64Array(size);
  const currency = new Int16Array(size);
  const expectedClose = new Int32Array(size);
  const probability = new Float64Array(size);
  const category = new Int8Array(size);
  const source = new Int16Array(size);
  const entryStart = new Int32Array(size + 1);
  let entryStage = new Int16Array(size * 4 + 16);
  let entryAt = new Float64Array(size * 4 + 16);
  let deleted: Deal[] | null = null; // the live deals, only built when some are deleted
  let n = 0;
  let e = 0;
  for (let k = 0; k < size; k++) {
    const d = all[k]!;
    if (d.deletedAt !== null) {
      deleted ??= all.slice(0, k);
      continue;
    }
    if (deleted) deleted.push(d);
    const i = n++;
    createdAt[i] = d.createdAt;
    closedAt[i] = d.outcome && d.closedAt !== null ? d.closedAt : Number.NaN;
    outcome[i] = d.outcome === 'won' ? WON : d.outcome === 'lost' ? LOST : OPEN;
    stage[i] = stageIndex.get(d.stageId) ?? -1;
    amount[i] = d.amount ?? Number.NaN;
    currency[i] = currencyOf(d.currency);
    expectedClose[i] = d.expectedClose ? dayNumber(d.expectedClose) : 0;
    probability[i] = d.probability ?? Number.NaN;
    category[i] = d.forecastCategory ? (categoryCode.get(d.forecastCategory) ?? -1) : -1;
    source[i] = sourceOf(d.source);
    entryStart[i] = e;
    const entries = d.stageEntries;
    if (e + entries.length > entryAt.length) {
      const grown = Math.max(entryAt.length * 2, e + entries.length);
      const nextStage = new Int16Array(grown);
      nextStage.set(entryStage);
      entryStage = nextStage;
      const nextAt = new Float64Array(grown);
      nextAt.set(entryAt);
      entryAt = nextAt;
    }
    for (let j = 0; j < entries.length; j++) {
      const entry = entries[j]!;
      entryStage[e] = stageIndex.get(entry.stageId) ?? -1;
      entryAt[e++] = entry.at;
    }
  }
  entryStart[n] = e;
  return {
    n,
    // Usually nothing is deleted: then the rows are the array as read, not a copy.
    deals: deleted ?? all,
    stages,
    stageIndex,
    stageKind,
    openPosition,
    openStages,
    createdAt,
    closedAt,
    outcome,
    stage,
    amount,
    currency,
    currencies,
    expectedClose,
    probability,
    category,
    source,
    sources,
    entryStart,
    entryStage: entryStage.subarray(0, e),
    entryAt: entryAt.subarray(0, e),
  };
}

/** Index of the currency in the table, -1 if no deal uses it. */
export function currencyCode(t: DealTable, currency: string): number {
  return t.currencies.indexOf(currency);
}
