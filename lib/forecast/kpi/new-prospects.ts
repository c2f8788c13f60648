import { type Period, periodIndexAt } from '../calendar';
import type { DealTable } from '../deal-table';
import { type DateRange, inRange } from './range';

/** How a deal without a recorded source is shown. */
export const UNKNOWN_SOURCE = 'unknown';
/** Sources that mean "came from a file", not a capture on a page. */
export const IMPORT_SOURCES: ReadonlySet<string> = new Set(['import']);

const firstCache = new WeakMap<DealTable, Uint8Array>();

/**
 * Which rows are their contact's first deal (the earliest created; ties: the first row; the import's placeholder
 * contact has none: it is nobody): a prospect is a person,
 * and a second deal with someone already known — or a file row about an account already imported — is not a new
 * one. Kept per table. Rows are grouped in an open-addressing table keyed by the contact id's hash, worked out
 * when each deal was written (lib/db/forecast-index.ts): numbers only, a few milliseconds for 100,000 deals;
 * equal hashes are confirmed by comparing the ids.
 */
export function firstDealOfContact(t: DealTable): Uint8Array {
  const cached = firstCache.get(t);
  if (cached) return cached;
  let size = 1;
  while (size < t.n * 2) size <<= 1;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1); // row holding the earliest deal of the contact hashed there
  const hashes = t.contactHash;
  const created = t.createdAt;
  for (let i = 0; i < t.n; i++) {
    if (t.placeholder[i]) continue; // the import's stand-in for rows naming no one is nobody
    const h = hashes[i]!;
    let slot = h & mask;
    for (;;) {
      const j = slots[slot]!;
      if (j < 0) {
        slots[slot] = i;
        break;
      }
      if (hashes[j] === h && t.contactIds[j] === t.contactIds[i]) {
        // Earlier wins; a deal with no known start (NaN) loses to any dated one.
        if (created[i]! < created[j]! || (Number.isNaN(created[j]!) && !Number.isNaN(created[i]!))) slots[slot] = i;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  const first = new Uint8Array(t.n);
  for (const i of slots) if (i >= 0) first[i] = 1;
  firstCache.set(t, first);
  return first;
}

export interface ProspectsBySource {
  /** Every source seen, most prospects first. */
  sources: string[];
  rows: { key: string; total: number; bySource: Record<string, number> }[];
  total: number;
}

/**
 * New prospects per month, split by source (site or import): the contacts whose first deal was created in the
 * range, by month, with that deal's source.
 */
export function newProspectsBySource(t: DealTable, range: DateRange, months: readonly Period[]): ProspectsBySource {
  const counts = months.map(() => new Int32Array(t.sources.length));
  const first = firstDealOfContact(t);
  for (let i = 0; i < t.n; i++) {
    const created = t.createdAt[i]!;
    if (!first[i] || !inRange(created, range)) continue;
    const r = periodIndexAt(months, created);
    if (r >= 0) counts[r]![t.source[i]!]!++;
  }
  // Sources are merged by name ('' shows as unknown), then ordered by how many prospects they brought.
  const names = t.sources.map((s) => s || UNKNOWN_SOURCE);
  const rows = months.map((m, r) => {
    const bySource: Record<string, number> = {};
    let total = 0;
    counts[r]!.forEach((n, s) => {
      if (!n) return;
      bySource[names[s]!] = (bySource[names[s]!] ?? 0) + n;
      total += n;
    });
    return { key: m.key, total, bySource };
  });
  const totals = new Map<string, number>();
  for (const row of rows) for (const [s, n] of Object.entries(row.bySource)) totals.set(s, (totals.get(s) ?? 0) + n);
  const sources = [...totals.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([s]) => s);
  return { sources, rows, total: rows.reduce((sum, r) => sum + r.total, 0) };
}
