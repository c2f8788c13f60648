import { t } from '../i18n';
import { CsvEncodingError, type CsvFormat, readCsvRecords } from './csv-read';
import {
  addCounts,
  compactRow,
  emptyCounts,
  type ImportChunkInput,
  type ImportChunkResult,
  type ImportCounts,
  type ImportHistory,
  type ImportRow,
  MAX_CHUNK_ROWS,
  type OnMatch,
  type RowProblem,
} from './import-row';
import { mapCsvRow, type RowMapContext } from './map-row';
import { why } from './row-problem';
import { timeSlicer } from './yield';

/** Sends one chunk to the background ('import.chunk') and returns what it wrote. Injected so tests can fake it. */
export type SendChunk = (chunk: ImportChunkInput) => Promise<ImportChunkResult>;

export interface ImportProgress {
  /** Rows read so far (after the header; empty lines not counted). */
  rowsRead: number;
  bytesRead: number;
  totalBytes: number;
  counts: ImportCounts;
  problems: number;
}

/** A reported row, with the values it had in the file (for the downloadable report). */
export interface ProblemRow extends RowProblem {
  fields?: string[];
}

export interface ImportReport {
  fileName: string;
  rowsRead: number;
  /** Rows written or found already there. */
  rowsImported: number;
  counts: ImportCounts;
  problems: ProblemRow[];
  cancelled: boolean;
  /** What was done with undated rows and closed deals' history (what the rep chose). */
  history?: ImportHistory;
  /** Why the import stopped early (the background failed, the file became unreadable); rows before it stay. */
  error?: string;
}

function messageOf(err: unknown): string {
  if (err instanceof CsvEncodingError) return t('io_errorEncoding');
  return err instanceof Error ? err.message : String(err);
}

export interface RunOptions {
  send: SendChunk;
  fileName: string;
  onMatch: OnMatch;
  fieldSources: Record<string, string>;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  /** Chunks on their way to the background at once: the next is mapped while the last is written. */
  inFlight?: number;
  /** Rows per chunk (at most MAX_CHUNK_ROWS). */
  chunkRows?: number;
  /** The import's start time (default: now). */
  startedAt?: number;
  /** Undated rows and closed deals' first stage, as the rep chose (default: dated today, first open stage). */
  history?: ImportHistory;
}

/** A chunk's size in characters of the file: one message stays well under a megabyte or two of JSON. */
const MAX_CHUNK_CHARS = 256 * 1024;
/**
 * Rows per message. Serialising a message is one task on the page's main thread, so chunks stay small enough for
 * that to take a few milliseconds even on a busy machine; the background still writes each in one transaction.
 */
const CHUNK_ROWS = 500;

/** Problem rows kept with their values; beyond this only row number and reason (memory stays bounded). */
const MAX_PROBLEM_VALUES = 20_000;

/**
 * Feeds mapped rows to the background in chunks, at most `inFlight` at a time, and adds up what it reports.
 * Cancelling stops reading and sending; chunks already sent finish (each is one transaction: all or nothing).
 */
class ChunkPump {
  private pending: { rows: ImportRow[]; fields: string[][] } = { rows: [], fields: [] };
  private pendingChars = 0;
  private flying = new Set<Promise<void>>();
  counts: ImportCounts = emptyCounts();
  problems: ProblemRow[] = [];
  imported = 0;
  private failure: unknown = null;
  /** Every chunk of one import carries the same start time: what it writes shares one timestamp. */
  private readonly startedAt: number;

  constructor(private readonly opts: RunOptions) {
    this.startedAt = opts.startedAt ?? Date.now();
  }

  problem(p: RowProblem, fields?: string[]): void {
    this.problems.push(fields && this.problems.length < MAX_PROBLEM_VALUES ? { ...p, fields } : p);
  }

  async add(row: ImportRow, fields: string[]): Promise<void> {
    this.pending.rows.push(row);
    this.pending.fields.push(fields);
    for (const f of fields) this.pendingChars += f.length;
    const limit = Math.min(this.opts.chunkRows ?? CHUNK_ROWS, MAX_CHUNK_ROWS);
    if (this.pending.rows.length >= limit || this.pendingChars > MAX_CHUNK_CHARS) {
      await this.flush();
    }
  }

  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    const { rows, fields } = this.pending;
    if (!rows.length) return;
    this.pending = { rows: [], fields: [] };
    this.pendingChars = 0;
    while (this.flying.size >= (this.opts.inFlight ?? 2)) await Promise.race(this.flying);
    if (this.failure) throw this.failure;
    const { fileName, onMatch, fieldSources, history } = this.opts;
    const job = this.opts
      .send({ fileName, onMatch, fieldSources, history, startedAt: this.startedAt, rows: rows.map(compactRow) })
      .then((result) => {
        const { problems, ...counts } = result;
        this.counts = addCounts(this.counts, counts);
        const byRow = new Map(rows.map((r, i) => [r.row, fields[i]]));
        for (const p of problems) this.problem(p, byRow.get(p.row));
        this.imported += rows.length - problems.length;
      })
      .catch((err) => {
        this.failure ??= err;
      })
      .finally(() => this.flying.delete(job));
    this.flying.add(job);
  }

  async drain(): Promise<void> {
    await this.flush();
    while (this.flying.size) await Promise.race(this.flying);
    if (this.failure) throw this.failure;
  }
}

export interface CsvImportInput extends RunOptions {
  file: Blob;
  format: CsvFormat;
  context: RowMapContext;
}

/**
 * Imports a CSV file: reads it a chunk at a time, maps and checks each row (problems are kept with their row
 * number, the rest go on), drops rows that repeat an earlier row's deal, and sends the rows to the background.
 */
export async function runCsvImport(input: CsvImportInput): Promise<ImportReport> {
  const pump = new ChunkPump(input);
  const seenKeys = new Map<string, number>();
  let rowsRead = 0;
  let cancelled = false;
  let error: string | undefined;
  let header = true;
  const slicer = timeSlicer();
  const progress = (bytesRead: number) =>
    input.onProgress?.({
      rowsRead,
      bytesRead,
      totalBytes: input.file.size,
      counts: pump.counts,
      problems: pump.problems.length,
    });
  try {
    for await (const { records, bytesRead } of readCsvRecords(input.file, input.format, { signal: input.signal })) {
      for (const rec of records) {
        input.signal?.throwIfAborted();
        // Mapping and checking rows is the page's work: keep each task short so the page never freezes.
        if (slicer.due()) await slicer.yield();
        if (header) {
          header = false;
          continue;
        }
        if (!rec.fields.some((f) => f.trim())) continue;
        rowsRead++;
        if (rec.problem) {
          pump.problem({ row: rec.row, ...rec.problem }, rec.fields);
          continue;
        }
        const mapped = mapCsvRow(rec.fields, rec.row, input.context);
        if (mapped.kind === 'empty') continue;
        if (mapped.kind === 'problem') {
          pump.problem(mapped.problem, rec.fields);
          continue;
        }
        const key = mapped.row.deal?.key;
        if (key) {
          const earlier = seenKeys.get(key);
          if (earlier !== undefined) {
            pump.problem({ row: rec.row, ...why('duplicateRow', earlier) }, rec.fields);
            continue;
          }
          seenKeys.set(key, rec.row);
        }
        await pump.add(mapped.row, rec.fields);
      }
      progress(bytesRead);
    }
  } catch (err) {
    if (input.signal?.aborted) cancelled = true;
    else error = messageOf(err);
  }
  try {
    await pump.drain();
  } catch (err) {
    error ??= messageOf(err);
  }
  progress(input.file.size);
  return {
    fileName: input.fileName,
    rowsRead,
    rowsImported: pump.imported,
    counts: pump.counts,
    problems: pump.problems.sort((a, b) => a.row - b.row),
    cancelled,
    ...(input.history ? { history: input.history } : {}),
    ...(error ? { error } : {}),
  };
}

export interface RowsImportInput extends RunOptions {
  /** Rows already mapped (vCards), with problems found while mapping them. */
  rows: ImportRow[];
  problems: RowProblem[];
  totalBytes: number;
}

/** Imports rows mapped beforehand (a vCard file): same chunking, progress and cancel as a CSV import. */
export async function runRowsImport(input: RowsImportInput): Promise<ImportReport> {
  const pump = new ChunkPump(input);
  for (const p of input.problems) pump.problem(p);
  const total = input.rows.length + input.problems.length;
  const slicer = timeSlicer();
  let rowsRead = input.problems.length;
  let cancelled = false;
  let error: string | undefined;
  const progress = () =>
    input.onProgress?.({
      rowsRead,
      bytesRead: total ? Math.round((rowsRead / total) * input.totalBytes) : input.totalBytes,
      totalBytes: input.totalBytes,
      counts: pump.counts,
      problems: pump.problems.length,
    });
  try {
    for (const row of input.rows) {
      if (input.signal?.aborted) {
        cancelled = true;
        break;
      }
      rowsRead++;
      await pump.add(row, []);
      if (rowsRead % 500 === 0) progress();
      if (slicer.due()) await slicer.yield();
    }
  } catch (err) {
    error = messageOf(err);
  }
  try {
    await pump.drain();
  } catch (err) {
    error ??= messageOf(err);
  }
  progress();
  return {
    fileName: input.fileName,
    rowsRead,
    rowsImported: pump.imported,
    counts: pump.counts,
    problems: pump.problems.sort((a, b) => a.row - b.row),
    cancelled,
    ...(error ? { error } : {}),
  };
}
