import Papa from 'papaparse';
import { t } from '../i18n';

/** How a CSV file is written, found by `sniffCsv` and used for every later pass over it. */
export interface CsvFormat {
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  delimiter: string;
  newline: '\n' | '\r\n' | '\r';
}

/** One record of the file: `row` is its number as a spreadsheet shows it (the header is row 1). */
export interface CsvRecord {
  row: number;
  fields: string[];
  /** Set when the record's quoting is broken: its values cannot be trusted. */
  problem?: string;
}

/** The file cannot be read as CSV at all (binary, a line longer than any sane row…): nothing is imported. */
export class CsvFileError extends Error {}
/** The file is not valid UTF-8 after all: read it again as Windows-1252 (what Excel writes on Windows). */
export class CsvEncodingError extends Error {}

const SNIFF_BYTES = 64 * 1024;
/** Bytes read per step: parsing one step takes a few milliseconds (the callers slice their own work further). */
export const CSV_CHUNK_BYTES = 128 * 1024;
/** A single record longer than this is an unclosed quote or not a CSV file. */
const MAX_RECORD_CHARS = 4 * 1024 * 1024;

function encodingOf(bytes: Uint8Array): CsvFormat['encoding'] {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes.includes(0)) throw new CsvFileError(t('io_errorBinary'));
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
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
 * are decoded with a streaming TextDecoder (a character split between two chunks stays whole) and parsed with
 * Papa Parse's own parser, carrying an unfinished record over to the next chunk. Each step awaits the file read,
 * so the page's main thread is free between chunks.
 */
export async function* readCsvRecords(
  blob: Blob,
  format: CsvFormat,
  opts: { chunkBytes?: number; signal?: AbortSignal; start?: number } = {},
): AsyncGenerator<{ records: CsvRecord[]; bytesRead: number }> {
  const chunkBytes = opts.chunkBytes ?? CSV_CHUNK_BYTES;
  const decoder = new TextDecoder(format.encoding, { fatal: format.encoding === 'utf-8' });
  let carry = '';
  let row = 0;
  let first = true;
  for (let offset = 0; offset < blob.size || first; offset += chunkBytes) {
    opts.signal?.throwIfAborted();
    const end = Math.min(blob.size, offset + chunkBytes);
    const last = end >= blob.size;
    let text: string;
    try {
      text = decoder.decode(new Uint8Array(await blob.slice(offset, end).arrayBuffer()), { stream: !last });
    } catch {
      throw new CsvEncodingError('not utf-8');
    }
    if (first) text = text.replace(/^\uFEFF/, '');
    first = false;
    const input = carry + text;
    const parser = new Papa.Parser({ delimiter: format.delimiter, newline: format.newline, quoteChar: '"' });
    const result = parser.parse(input, 0, !last) as {
      data: string[][];
      errors: { code: string; row: number }[];
      meta: { cursor: number };
    };
    carry = last ? '' : input.slice(result.meta.cursor);
    if (carry.length > MAX_RECORD_CHARS) throw new CsvFileError(t('io_errorRecordTooLong', row + 1));
    const broken = new Map<number, string>();
    for (const e of result.errors) {
      if (e.code === 'MissingQuotes') broken.set(e.row, t('io_problemUnclosedQuote'));
      else if (e.code === 'InvalidQuotes' && !broken.has(e.row)) broken.set(e.row, t('io_problemBadQuotes'));
    }
    const records = result.data.map((fields, i): CsvRecord => {
      row++;
      const problem = broken.get(i);
      return problem ? { row, fields, problem } : { row, fields };
    });
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
