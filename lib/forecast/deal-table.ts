import {
  CATEGORIES,
  dayNumber,
  ENTRIES_AT,
  type ForecastIndexRow,
  forecastIndexRow,
  LOST,
  OPEN,
  PLACEHOLDER,
  WON,
} from '../db/forecast-index';
import type { Deal, Stage } from '../model';
import { sortStages } from '../pipeline/default-stages';

export { CATEGORIES, dayNumber, LOST, OPEN, WON };

const KIND_CODE = { open: OPEN, won: WON, lost: LOST } as const;

/**
 * The deals as columns of typed arrays, built once per read and shared by every forecast and KPI function:
 * 100,000 deals are walked many times per report (each past forecast date is a pass), and flat numeric
 * columns keep each pass to about a millisecond where objects cost ten. Built from the forecast's compact rows
 * (lib/db/forecast-index.ts); deleted deals are left out here. Unknown values are NaN (numbers) or -1 (codes).
 */
export interface DealTable {
  n: number;
  /** Row i's deal id, contact id and title (for lists: data quality, stuck deals). */
  ids: readonly string[];
  contactIds: readonly string[];
  titles: readonly string[];
  /** In pipeline order; every stage index below points in here (-1: a stage that no longer exists). */
  stages: Stage[];
  stageIndex: ReadonlyMap<string, number>;
  /** Per stage: OPEN, WON or LOST. */
  stageKind: Int8Array;
  /** Per stage: its position among the open stages, -1 for won/lost. */
  openPosition: Int16Array;
  openStages: number;
  /** NaN when the deal's start is unknown (an undated import): in no date range, existing at every instant. */
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
  /** BANT levels, packed four in a byte (lib/db/deal-index.ts packBant). */
  bant: Uint8Array;
  /** contactHash of each row's contact id (lib/db/forecast-index.ts). */
  contactHash: Uint32Array;
  /** Index in `owners` of each row's owner name, as the deal carries it ('' for none). */
  owner: Int16Array;
  owners: string[];
  /** 1 when the deal's contact is the import's placeholder (nobody: never a new prospect). */
  placeholder: Uint8Array;
  /** Stage history, flattened: row i's entries are entryStart[i] … entryStart[i + 1] - 1, oldest first. */
  entryStart: Int32Array;
  entryStage: Int16Array;
  entryAt: Float64Array;
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

/** Builds the table from full deals (tests, and anything holding deals rather than rows). */
export function dealTable(deals: readonly Deal[], stageList: readonly Stage[]): DealTable {
  return dealTableFromRows(deals.map(forecastIndexRow), stageList);
}

/** Builds the table from the forecast's rows and the stages, as read from the database. */
export function dealTableFromRows(rows: readonly ForecastIndexRow[], stageList: readonly Stage[]): DealTable {
  const stages = sortStages(stageList);
  const stageIndex = new Map(stages.map((s, i) => [s.id, i]));
  const stageKind = Int8Array.from(stages, (s) => KIND_CODE[s.kind]);
  const openPosition = new Int16Array(stages.length).fill(-1);
  let openStages = 0;
  stages.forEach((s, i) => {
    if (s.kind === 'open') openPosition[i] = openStages++;
  });
  // A scan that compares lengths first beats a Map here: every id read is a fresh string, which a Map must hash
  // in full before comparing, about 600,000 times for 100,000 deals; stage ids rarely share a length.
  const stageIds = stages.map((s) => s.id);
  const stageOf = (id: string) => {
    for (let k = 0; k < stageIds.length; k++) {
      const s = stageIds[k]!;
      if (s.length === id.length && s === id) return k;
    }
    return -1;
  };
  const currencies: string[] = [];
  const sources: string[] = [];
  const owners: string[] = [];
  const currencyOf = interner(currencies);
  const sourceOf = interner(sources);
  const ownerOf = interner(owners);
  // One pass over the rows, into local columns (sized for every row; deleted ones are skipped, so the columns
  // may end up longer than n). The history columns grow as needed.
  const size = rows.length;
  const ids: string[] = [];
  const contactIds: string[] = [];
  const titles: string[] = [];
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
  const bant = new Uint8Array(size);
  const hashes = new Uint32Array(size);
  const owner = new Int16Array(size);
  const placeholder = new Uint8Array(size);
  const entryStart = new Int32Array(size + 1);
  let entryStage = new Int16Array(size * 4 + 16);
  let entryAt = new Float64Array(size * 4 + 16);
  let n = 0;
  let e = 0;
  for (let k = 0; k < size; k++) {
    const row = rows[k]!;
    const v = row.v;
    if (v[13] !== 0) continue; // deleted
    const i = n++;
    ids.push(row.id);
    contactIds.push(v[0]);
    titles.push(v[1]);
    stage[i] = stageOf(v[2]);
    outcome[i] = v[3];
    createdAt[i] = v[4];
    closedAt[i] = v[5] ?? Number.NaN;
    amount[i] = v[6] ?? Number.NaN;
    currency[i] = currencyOf(v[7]);
    expectedClose[i] = v[8];
    probability[i] = v[9] ?? Number.NaN;
    category[i] = v[10];
    source[i] = sourceOf(v[11]);
    bant[i] = v[12];
    hashes[i] = v[14];
    owner[i] = ownerOf(v[15]);
    placeholder[i] = v[16] & PLACEHOLDER ? 1 : 0;
    entryStart[i] = e;
    const pairs = (v.length - ENTRIES_AT) >> 1;
    if (e + pairs > entryAt.length) {
      const grown = Math.max(entryAt.length * 2, e + pairs);
      const nextStage = new Int16Array(grown);
      nextStage.set(entryStage);
      entryStage = nextStage;
      const nextAt = new Float64Array(grown);
      nextAt.set(entryAt);
      entryAt = nextAt;
    }
    for (let j = ENTRIES_AT; j < v.length; j += 2) {
      entryStage[e] = stageOf(v[j] as string);
      entryAt[e++] = v[j + 1] as number;
    }
  }
  entryStart[n] = e;
  return {
    n,
    ids,
    contactIds,
    titles,
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
    bant,
    contactHash: hashes,
    owner,
    owners,
    placeholder,
    entryStart,
    entryStage: entryStage.subarray(0, e),
    entryAt: entryAt.subarray(0, e),
  };
}

/** Index of the currency in the table, -1 if no deal uses it. */
export function currencyCode(t: DealTable, currency: string): number {
  return t.currencies.indexOf(currency);
}

/** Row i's amount as stored: minor units, null when unknown. */
export function amountAt(t: DealTable, i: number): number | null {
  const a = t.amount[i]!;
  return Number.isNaN(a) ? null : a;
}

/** Row i's currency code. */
export function currencyAt(t: DealTable, i: number): string {
  return t.currencies[t.currency[i]!] ?? '';
}

/** Row i's stage id ('' for a stage that no longer exists). */
export function stageIdAt(t: DealTable, i: number): string {
  return t.stages[t.stage[i]!]?.id ?? '';
}
