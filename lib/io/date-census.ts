import type { CsvFormat } from './csv-read';
import { readCsvRecords } from './csv-read';
import { mapCsvRow, type RowMapContext } from './map-row';
import { timeSlicer } from './yield';

/** What the wizard asks about a file's history before importing it. */
export interface DateCensus {
  /** Rows that make a deal. */
  deals: number;
  /** Of those, rows with no creation (engage) date: the wizard asks how to date them. */
  undated: number;
  /** Of those, won or lost deals: the wizard asks which stage their history starts at. */
  closed: number;
  /** The earliest date anywhere in the file's date columns (created, closed, expected close); null for none. */
  earliest: number | null;
}

/**
 * One pass over the file with the rep's mapping, counting the deal rows without a date and finding the file's
 * earliest date. Rows the import would reject are not counted: the report lists those.
 */
export async function dateCensus(
  file: Blob,
  format: CsvFormat,
  context: RowMapContext,
  signal?: AbortSignal,
): Promise<DateCensus> {
  const out: DateCensus = { deals: 0, undated: 0, closed: 0, earliest: null };
  const slicer = timeSlicer();
  const earliest = (at: number | null) => {
    if (at !== null && (out.earliest === null || at < out.earliest)) out.earliest = at;
  };
  let header = true;
  for await (const { records } of readCsvRecords(file, format, { signal })) {
    for (const rec of records) {
      if (slicer.due()) await slicer.yield();
      if (header) {
        header = false;
        continue;
      }
      if (rec.problem) continue;
      const mapped = mapCsvRow(rec.fields, rec.row, context);
      if (mapped.kind !== 'row' || !mapped.row.deal) continue;
      const { row } = mapped;
      out.deals++;
      if (row.createdAt === null) out.undated++;
      if (row.deal!.closedAt !== null) out.closed++;
      earliest(row.createdAt);
      earliest(row.deal!.closedAt);
      if (row.deal!.expectedClose) earliest(Date.parse(`${row.deal!.expectedClose}T12:00:00Z`));
    }
  }
  return out;
}
