import { type CsvFormat, type CsvRecord, readCsvRecords } from './csv-read';
import { MAX_VALUE_CHARS } from './parse-values';
import { timeSlicer } from './yield';

/** What one pass over the whole file learns, for the wizard's stage and format questions. */
export interface CsvScan {
  format: CsvFormat;
  header: string[];
  /** Records after the header that hold anything (empty lines are skipped on import, and here). */
  records: number;
  /** The first non-empty records, for the wizard's preview. */
  sample: CsvRecord[];
  /** Per column: its distinct values (up to MAX_DISTINCT) with how often each occurs. */
  distinct: Map<string, number>[];
  /** Per column: true when it had more distinct values than were kept. */
  overflow: boolean[];
  /** Per column: evidence for dates written day first / month first, and numbers with a decimal comma / dot. */
  dayFirst: boolean[];
  monthFirst: boolean[];
  decimalComma: number[];
  decimalDot: number[];
}

export const MAX_DISTINCT = 200;
const SAMPLE_ROWS = 10;

function blankScan(format: CsvFormat, header: string[]): CsvScan {
  const n = header.length;
  return {
    format,
    header,
    records: 0,
    sample: [],
    distinct: Array.from({ length: n }, () => new Map()),
    overflow: new Array(n).fill(false),
    dayFirst: new Array(n).fill(false),
    monthFirst: new Array(n).fill(false),
    decimalComma: new Array(n).fill(0),
    decimalDot: new Array(n).fill(0),
  };
}

const SLASH_DATE = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})\b/;

function learn(scan: CsvScan, col: number, raw: string): void {
  const value = raw.trim();
  if (!value) return;
  const distinct = scan.distinct[col]!;
  const seen = distinct.get(value);
  if (seen !== undefined) distinct.set(value, seen + 1);
  else if (distinct.size < MAX_DISTINCT) distinct.set(value, 1);
  else scan.overflow[col] = true;
  // A long cell is neither a date nor a number: no pattern runs on it.
  if (value.length > MAX_VALUE_CHARS) return;
  const d = SLASH_DATE.exec(value);
  if (d) {
    if (Number(d[1]) > 12) scan.dayFirst[col] = true;
    if (Number(d[2]) > 12) scan.monthFirst[col] = true;
    return;
  }
  if (/^[^\d]{0,4}\d[\d.,\s]*[^\d]{0,4}$/.test(value)) {
    const v = value.replace(/[^\d.,]/g, '');
    const dot = v.lastIndexOf('.');
    const comma = v.lastIndexOf(',');
    if (dot >= 0 && comma >= 0) {
      if (dot > comma) scan.decimalDot[col]!++;
      else scan.decimalComma[col]!++;
    } else if (dot >= 0 && v.length - dot - 1 !== 3) {
      if (v.split('.').length > 2) scan.decimalComma[col]!++;
      else scan.decimalDot[col]!++;
    } else if (comma >= 0 && v.length - comma - 1 !== 3) {
      if (v.split(',').length > 2) scan.decimalDot[col]!++;
      else scan.decimalComma[col]!++;
    } else if (dot >= 0 && v.split('.').length > 2) scan.decimalComma[col]!++;
    else if (comma >= 0 && v.split(',').length > 2) scan.decimalDot[col]!++;
  }
}

/**
 * One streaming pass over the file: counts records, keeps each column's distinct values (for stage mapping) and
 * learns how dates and numbers are written. A file that turns out not to be UTF-8 throws CsvEncodingError with
 * the line, for the rep to choose the encoding (never re-read silently in another one).
 */
export async function scanCsv(
  blob: Blob,
  format: CsvFormat,
  opts: { signal?: AbortSignal; onProgress?: (bytesRead: number) => void } = {},
): Promise<CsvScan> {
  let scan: CsvScan | null = null;
  const slicer = timeSlicer();
  for await (const { records, bytesRead } of readCsvRecords(blob, format, { signal: opts.signal })) {
    for (const r of records) {
      if (slicer.due()) await slicer.yield();
      if (!scan) {
        scan = blankScan(
          format,
          r.fields.map((h) => h.trim()),
        );
        continue;
      }
      if (!r.fields.some((f) => f.trim())) continue;
      scan.records++;
      if (scan.sample.length < SAMPLE_ROWS) scan.sample.push(r);
      const n = Math.min(r.fields.length, scan.header.length);
      for (let i = 0; i < n; i++) learn(scan, i, r.fields[i]!);
    }
    opts.onProgress?.(bytesRead);
  }
  return scan ?? blankScan(format, []);
}
