import Papa from 'papaparse';
import { t } from '../i18n';
import { CsvRecordReader } from './csv-records';
import { type ProblemWhy, why } from './row-problem';

/** How a CSV file is written, found by `sniffCsv` and used for every later pass over it. */
export interface CsvFormat {
  /** 'utf-8-lenient': UTF-8 with any invalid bytes shown as �, when the rep chose to read the file that way. */
  encoding: 'utf-8' | 'utf-8-lenient' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  delimiter: string;
  newline: '\n' | '\r\n' | '\r';
}

/**
 * One record of the file: `row` is the physical line it starts on, as a text editor numbers them (the header
 * is line 1; a record whose quoted value holds line breaks takes several lines).
 */
export interface CsvRecord {
  row: number;
  fields: string[];
  /** Set when the record's quoting is broken: its values cannot be trusted. */
  problem?: ProblemWhy;
}

/** The file cannot be read as CSV at all (binary, a line longer than any sane row…): nothing is imported. */
export class CsvFileError extends Error {}
/**
 * The file is not valid UTF-8 after all, from `line` on: the rep chooses how to read it (Windows-1252 is what
 * Excel writes on Windows), nothing is re-read silently in another encoding.
 */
export class CsvEncodingError extends Error {
  constructor(readonly line: number) {
    super(t('io_errorEncodingLine', line));
  }
}

const SNIFF_BYTES = 64 * 1024;
/** Bytes read per step: parsing one step takes a few milliseconds (the callers slice their own work further). */
export const CSV_CHUNK_BYTES = 128 * 1024;
/** A single line longer than this is not a CSV file. */
const MAX_LINE_CHARS = 4 * 1024 * 1024;

function encodingOf(bytes: Uint8Array): CsvFormat['encoding'] {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes.includes(0)) throw new CsvFileError(t('io_errorBinary'));
  // Not guessed from the first bytes: an invalid byte anywhere is reported with its line and the rep chooses.
  return 'utf-8';
}

function decoderLabel(encoding: CsvFormat['encoding']): string {
  return encoding === 'utf-8-lenient' ? 'utf-8' : encoding;
}

/**
 * The line of the first byte that is not UTF-8 in `bytes` (a chunk, after `lfBefore` line feeds), with up to three
 * bytes of the chunk before it in `tail` (a character may straddle the two).
 */
function badUtf8Line(tail: Uint8Array, bytes: Uint8Array, lfBefore: number): number {
  let skip = 0;
  while (skip < tail.length && (tail[skip]! & 0xc0) === 0x80) skip++;
  const all = new Uint8Array(tail.length - skip + bytes.length);
  all.set(tail.subarray(skip));
  all.set(bytes, tail.length - skip);
  // The shortest prefix that fails to decode ends at the bad byte (binary search: decoding is linear).
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(all.subarray(0, mid + 1), { stream: true });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  const at = Math.max(0, lo - (tail.length - skip));
  let lf = lfBefore;
  for (let i = 0; i < at; i++) if (bytes[i] === 10) lf++;
  return lf + 1;
}

/** The file's encoding, delimiter and line ending, from its first 64 KB. */
export async function sniffCsv(blob: Blob): Promise<CsvFormat> {
  const bytes = new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer());
  const encoding = encodingOf(bytes);
  const text = new TextDecoder(encoding).decode(bytes, { stream: true }).replace(/^\uFEFF/, '');
  if (!text.trim()) throw new CsvFileError(t('io_errorEmptyFile'));
  const result = Papa.parse<string[]>(text, { preview: 20, delimitersToGuess: [',', ';', '\t', '|'] });
  const newline = result.meta.linebreak === '\r\n' || result.meta.linebreak === '\r' ? result.meta.linebreak : '\n';
  return { encoding, delimiter: result.meta.delimiter || ',', newline };
}

/**
 * Reads a CSV file record by record, a chunk at a time (`CSV_CHUNK_BYTES`), yielding each chunk's records. Bytes
 * are decoded with a streaming TextDecoder (a character split between two chunks stays whole) and read by
 * lib/io/csv-records.ts as Excel reads them, an unfinished record carried over to the next chunk. Each step
 * awaits the file read, so the page's main thread is free between chunks.
 */
export async function* readCsvRecords(
  blob: Blob,
  format: CsvFormat,
  opts: { chunkBytes?: number; signal?: AbortSignal; start?: number } = {},
): AsyncGenerator<{ records: CsvRecord[]; bytesRead: number }> {
  const chunkBytes = opts.chunkBytes ?? CSV_CHUNK_BYTES;
  const decoder = new TextDecoder(decoderLabel(format.encoding), { fatal: format.encoding === 'utf-8' });
  const reader = new CsvRecordReader(format.delimiter);
  let first = true;
  let lfBefore = 0;
  let tail = new Uint8Array(0);
  for (let offset = 0; offset < blob.size || first; offset += chunkBytes) {
    opts.signal?.throwIfAborted();
    const end = Math.min(blob.size, offset + chunkBytes);
    const last = end >= blob.size;
    const bytes = new Uint8Array(await blob.slice(offset, end).arrayBuffer());
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: !last });
    } catch {
      throw new CsvEncodingError(badUtf8Line(tail, bytes, lfBefore));
    }
    if (format.encoding === 'utf-8') {
      for (const b of bytes) if (b === 10) lfBefore++;
      tail = bytes.subarray(Math.max(0, bytes.length - 3));
    }
    if (first) text = text.replace(/^\uFEFF/, '');
    first = false;
    const records = reader
      .push(text, last)
      .map(
        (r): CsvRecord =>
          r.unclosed
            ? { row: r.line, fields: r.fields, problem: why('unclosedQuote') }
            : { row: r.line, fields: r.fields },
      );
    if (reader.pending > MAX_LINE_CHARS) throw new CsvFileError(t('io_errorRecordTooLong', reader.pendingLine));
    yield { records, bytesRead: end };
    if (last) break;
  }
}

/** The header and the first records (the wizard's preview and column guesses). */
export async function previewCsv(
  blob: Blob,
  format: CsvFormat,
  rows = 20,
): Promise<{ header: string[]; sample: CsvRecord[] }> {
  let header: string[] | null = null;
  const sample: CsvRecord[] = [];
  for await (const { records } of readCsvRecords(blob, format, { chunkBytes: SNIFF_BYTES })) {
    for (const r of records) {
      if (!header) header = r.fields.map((h) => h.trim());
      else if (r.fields.some((f) => f.trim())) sample.push(r);
      if (sample.length >= rows) break;
    }
    if (sample.length >= rows) break;
  }
  if (!header?.some(Boolean)) throw new CsvFileError(t('io_errorNoHeader'));
  return { header, sample };
}
