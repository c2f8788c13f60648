import { type Period, periodIndexAt } from '../calendar';
import type { DealTable } from '../deal-table';
import { firstDealOfContact, IMPORT_SOURCES } from './new-prospects';
import { type DateRange, inRange } from './range';

/**
 * Captures per week: prospects first captured from a page (any source but an import) in the range, by the week
 * (Monday first) they were captured — their contact's first deal. Re-capturing a known contact adds none.
 */
export function capturesPerWeek(
  t: DealTable,
  range: DateRange,
  weeks: readonly Period[],
): { key: string; count: number }[] {
  const rows = weeks.map((w) => ({ key: w.key, count: 0 }));
  const imported = Uint8Array.from(t.sources, (s) => (IMPORT_SOURCES.has(s) ? 1 : 0));
  const first = firstDealOfContact(t);
  for (let i = 0; i < t.n; i++) {
    const created = t.createdAt[i]!;
    if (!first[i] || imported[t.source[i]!] || !inRange(created, range)) continue;
    const r = periodIndexAt(weeks, created);
    if (r >= 0) rows[r]!.count++;
  }
  return rows;
}
