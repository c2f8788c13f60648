import type { Owner } from '../model/owner';
import { ownerKey } from '../model/owner-key';
import type { DealTable } from './deal-table';

/**
 * For each distinct owner text in the table (t.owners), the index in `owners` of the owner it means (by name or
 * alias, as lib/model/owner.ts findOwner), or -1 for none. Texts no owner claims stay apart, by their own key.
 */
export function ownerCodes(t: DealTable, owners: readonly Owner[]): Int32Array {
  const byKey = new Map<string, number>();
  owners.forEach((o, i) => {
    for (const name of [o.name, ...o.aliases]) if (!byKey.has(ownerKey(name))) byKey.set(ownerKey(name), i);
  });
  return Int32Array.from(t.owners, (text) => byKey.get(ownerKey(text)) ?? -1);
}

/** The owners the deals name: the list's owners first (in its order), then texts no owner in the list claims. */
export function ownerNames(t: DealTable, owners: readonly Owner[]): string[] {
  const codes = ownerCodes(t, owners);
  const loose = t.owners.filter((text, k) => codes[k] === -1 && ownerKey(text));
  const seen = new Set<string>();
  const extra = loose.filter((text) => !seen.has(ownerKey(text)) && seen.add(ownerKey(text)));
  return [...owners.map((o) => o.name), ...extra];
}

const cache = new WeakMap<DealTable, Map<string, DealTable>>();

/**
 * The table narrowed to one owner's deals, or to the deals of any of a list of owners ("My deals": my team user
 * name, my name and its spellings), a text counting when it means that owner by name or alias; kept per table: a
 * change of the view's other parameters reuses it. The same table when `owner` is null.
 */
export function tableForOwner(
  t: DealTable,
  owner: string | readonly string[] | null,
  owners: readonly Owner[],
): DealTable {
  if (owner === null) return t;
  const keys = [...new Set((typeof owner === 'string' ? [owner] : owner).map(ownerKey))];
  const cacheKey = `${keys.join('\u0000')}|${owners.map((o) => o.id).join(',')}`;
  let perTable = cache.get(t);
  if (!perTable) {
    perTable = new Map();
    cache.set(t, perTable);
  }
  const cached = perTable.get(cacheKey);
  if (cached) return cached;
  const wanted = new Set(keys);
  const indexes = new Set<number>();
  owners.forEach((o, i) => {
    // An owner's team user name means it too (Owner.user): a synced deal names its owner by it.
    if ([o.name, ...o.aliases, o.user].some((n) => n && wanted.has(ownerKey(n)))) indexes.add(i);
  });
  const codes = ownerCodes(t, owners);
  const match = Uint8Array.from(t.owners, (text, k) => (indexes.has(codes[k]!) || wanted.has(ownerKey(text)) ? 1 : 0));
  const rows: number[] = [];
  for (let i = 0; i < t.n; i++) if (match[t.owner[i]!]) rows.push(i);
  const sub = subsetTable(t, rows);
  perTable.set(cacheKey, sub);
  return sub;
}

/** The rows `rows` (in order) of a table, as a table of their own. */
export function subsetTable(t: DealTable, rows: readonly number[]): DealTable {
  const n = rows.length;
  const pick = <A extends Float64Array | Int32Array | Int16Array | Int8Array | Uint8Array | Uint32Array>(
    a: A,
    make: (n: number) => A,
  ): A => {
    const out = make(n);
    for (let j = 0; j < n; j++) out[j] = a[rows[j]!]!;
    return out;
  };
  const entryStart = new Int32Array(n + 1);
  let e = 0;
  for (let j = 0; j < n; j++) {
    entryStart[j] = e;
    e += t.entryStart[rows[j]! + 1]! - t.entryStart[rows[j]!]!;
  }
  entryStart[n] = e;
  const entryStage = new Int16Array(e);
  const entryAt = new Float64Array(e);
  for (let j = 0; j < n; j++) {
    const from = t.entryStart[rows[j]!]!;
    const to = t.entryStart[rows[j]! + 1]!;
    entryStage.set(t.entryStage.subarray(from, to), entryStart[j]!);
    entryAt.set(t.entryAt.subarray(from, to), entryStart[j]!);
  }
  return {
    ...t,
    n,
    ids: rows.map((i) => t.ids[i]!),
    contactIds: rows.map((i) => t.contactIds[i]!),
    titles: rows.map((i) => t.titles[i]!),
    createdAt: pick(t.createdAt, (k) => new Float64Array(k)),
    closedAt: pick(t.closedAt, (k) => new Float64Array(k)),
    outcome: pick(t.outcome, (k) => new Int8Array(k)),
    stage: pick(t.stage, (k) => new Int16Array(k)),
    amount: pick(t.amount, (k) => new Float64Array(k)),
    currency: pick(t.currency, (k) => new Int16Array(k)),
    expectedClose: pick(t.expectedClose, (k) => new Int32Array(k)),
    probability: pick(t.probability, (k) => new Float64Array(k)),
    category: pick(t.category, (k) => new Int8Array(k)),
    source: pick(t.source, (k) => new Int16Array(k)),
    bant: pick(t.bant, (k) => new Uint8Array(k)),
    contactHash: pick(t.contactHash, (k) => new Uint32Array(k)),
    owner: pick(t.owner, (k) => new Int16Array(k)),
    placeholder: pick(t.placeholder, (k) => new Uint8Array(k)),
    entryStart,
    entryStage,
    entryAt,
  };
}
