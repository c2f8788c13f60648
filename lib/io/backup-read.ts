import type { z } from 'zod';
import { t } from '../i18n';
import { formatNumber } from '../i18n/money';
import { FIELDS_TOO_MANY, MAX_FIELDS, MAX_PAYLOAD, PAYLOAD_TOO_BIG } from '../model';
import {
  BACKUP_FORMAT,
  BACKUP_TABLES,
  BACKUP_VERSION,
  type BackupCounts,
  BackupHeader,
  type BackupTable,
  RECORD_SCHEMAS,
} from './backup-format';
import { timeSlicer } from './yield';

/** The file is not a backup we can restore; the message says why (in the rep's language). */
export class BackupError extends Error {}

const READ_BYTES = 1024 * 1024;
const BATCH = 2000;
/** Above this a backup not written line by line (hand-edited, re-indented) is refused rather than parsed whole. */
const MAX_WHOLE_BYTES = 200 * 1024 * 1024;
/** Far above the largest record the model allows: a longer line is damage, not a record to hold in memory. */
const MAX_LINE_CHARS = 4 * 1024 * 1024;

export interface BackupSink {
  header?: (header: BackupHeader) => void | Promise<void>;
  /**
   * Rows of one table, in file order, with the line number of the first one (0: the file was read whole) and
   * each row's size as JSON text.
   */
  rows: (table: BackupTable, rows: unknown[], firstLine: number, sizes: number[]) => void | Promise<void>;
  signal?: AbortSignal;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

async function* lines(blob: Blob, signal?: AbortSignal): AsyncGenerator<{ line: string; n: number; bytes: number }> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let carry = '';
  let n = 0;
  for (let offset = 0; offset < blob.size; offset += READ_BYTES) {
    signal?.throwIfAborted();
    const end = Math.min(blob.size, offset + READ_BYTES);
    let bytes: ArrayBuffer;
    try {
      bytes = await blob.slice(offset, end).arrayBuffer();
    } catch {
      // Chromium refuses to go on reading a file changed on disk since it was chosen.
      throw new BackupError(t('io_backupUnreadable'));
    }
    let text: string;
    try {
      text = decoder.decode(new Uint8Array(bytes), { stream: end < blob.size });
    } catch {
      throw new BackupError(t('io_backupNotJson'));
    }
    const parts = (carry + text).split('\n');
    carry = parts.pop() ?? '';
    if (carry.length > MAX_LINE_CHARS) throw new BackupError(t('io_backupBadLine', n + 1));
    for (const line of parts) yield { line: line.replace(/\r$/, ''), n: ++n, bytes: end };
  }
  if (carry) yield { line: carry, n: ++n, bytes: blob.size };
}

function parseHeader(value: unknown): BackupHeader {
  const obj = value as { format?: unknown; version?: unknown } | null;
  if (!obj || obj.format !== BACKUP_FORMAT) throw new BackupError(t('io_backupNotOurs'));
  if (typeof obj.version === 'number' && obj.version > BACKUP_VERSION) throw new BackupError(t('io_backupTooNew'));
  const parsed = BackupHeader.safeParse(value);
  if (!parsed.success) throw new BackupError(t('io_backupNotOurs'));
  return parsed.data;
}

/**
 * Reads a backup file a line at a time and hands its rows to `sink` in batches, without validating them (see
 * validateBackup). A backup that is valid JSON but not laid out one record per line (re-indented by an editor)
 * is read whole, if it is not huge.
 */
export async function readBackup(blob: Blob, sink: BackupSink): Promise<BackupHeader> {
  let header: BackupHeader | null = null;
  let table: BackupTable | null = null;
  let batch: unknown[] = [];
  let sizes: number[] = [];
  let batchLine = 0;
  const flush = async () => {
    if (table && batch.length) await sink.rows(table, batch, batchLine, sizes);
    batch = [];
    sizes = [];
  };
  for await (const { line, n, bytes } of lines(blob, sink.signal)) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    if (!header) {
      const m = /^\{"prospectorBackup":(.*),$/.exec(trimmed);
      if (!m) return readWhole(blob, sink);
      header = parseHeader(parseJson(m[1]!, n));
      await sink.header?.(header);
      continue;
    }
    const start = /^"(\w+)":\[$/.exec(trimmed);
    if (start) {
      if (table || !(BACKUP_TABLES as readonly string[]).includes(start[1]!)) throw lineError(n);
      table = start[1] as BackupTable;
      continue;
    }
    if (trimmed === '],' || trimmed === ']}') {
      if (!table) throw lineError(n);
      await flush();
      table = null;
      continue;
    }
    if (!table) throw lineError(n);
    if (!batch.length) batchLine = n;
    batch.push(parseJson(trimmed.replace(/,$/, ''), n));
    sizes.push(trimmed.length);
    if (batch.length >= BATCH) {
      await flush();
      sink.onProgress?.(bytes, blob.size);
    }
  }
  if (!header) throw new BackupError(t('io_backupNotOurs'));
  if (table) throw new BackupError(t('io_backupTruncated'));
  sink.onProgress?.(blob.size, blob.size);
  return header;
}

function jsonSize(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0;
}

function parseJson(text: string, line: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw lineError(line);
  }
}

function lineError(line: number): BackupError {
  return new BackupError(t('io_backupBadLine', line));
}

async function readWhole(blob: Blob, sink: BackupSink): Promise<BackupHeader> {
  if (blob.size > MAX_WHOLE_BYTES) throw new BackupError(t('io_backupNotOurs'));
  let text: string;
  try {
    text = await blob.text();
  } catch {
    throw new BackupError(t('io_backupUnreadable'));
  }
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new BackupError(t('io_backupNotJson'));
  }
  if (!doc || typeof doc !== 'object') throw new BackupError(t('io_backupNotOurs'));
  const header = parseHeader(doc.prospectorBackup);
  await sink.header?.(header);
  for (const table of BACKUP_TABLES) {
    // Tables newer than the backup (tasks, owners, quotas): none when its header counts none.
    const rows = doc[table] ?? (table !== 'stages' && !header.counts[table] ? [] : undefined);
    if (!Array.isArray(rows)) throw new BackupError(t('io_backupTruncated'));
    for (let i = 0; i < rows.length; i += BATCH) {
      const slice = rows.slice(i, i + BATCH);
      await sink.rows(table, slice, 0, slice.map(jsonSize));
    }
  }
  return header;
}

/** Options of validateBackup. */
export interface ValidateOptions {
  signal?: AbortSignal;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /**
   * Each batch of valid records as the model parses them, in file order, with their sizes as JSON text: the
   * restore stages them while the file is read, so it is read only once. Nothing is final before the whole file
   * has been checked.
   */
  onValid?: (table: BackupTable, rows: unknown[], sizes: number[]) => Promise<void>;
}

/**
 * Reads the whole backup and checks it before anything is restored: every record valid against the model's
 * schema, no id twice, every deal's stage and contact present, every activity's contact present, and as many
 * rows of each table as the header says (a truncated file is refused, not half restored).
 */
export async function validateBackup(
  blob: Blob,
  opts: ValidateOptions = {},
): Promise<{ header: BackupHeader; counts: BackupCounts }> {
  const ids: Record<BackupTable, Set<string>> = {
    stages: new Set(),
    contacts: new Set(),
    deals: new Set(),
    activities: new Set(),
    tasks: new Set(),
    owners: new Set(),
    quotas: new Set(),
  };
  const dealRefs: { stageId: string; contactId: string; line: number }[] = [];
  const activityRefs: { contactId: string; line: number }[] = [];
  const slicer = timeSlicer();
  const header = await readBackup(blob, {
    signal: opts.signal,
    onProgress: opts.onProgress,
    rows: async (table, rows, firstLine, sizes) => {
      const valid: unknown[] = [];
      for (const [i, raw] of rows.entries()) {
        // Checking every record is the page's work: keep each task short.
        if (slicer.due()) await slicer.yield();
        const line = firstLine ? firstLine + i : 0;
        const parsed = RECORD_SCHEMAS[table].safeParse(raw);
        if (!parsed.success) throw recordError(table, line || i + 1, parsed.error.issues[0]!);
        const id = parsed.data.id;
        if (ids[table].has(id)) throw new BackupError(t('io_backupDuplicateId', t(`io_table_${table}`), id));
        ids[table].add(id);
        valid.push(parsed.data);
        if (table === 'deals') {
          const d = parsed.data as { stageId: string; contactId: string };
          dealRefs.push({ stageId: d.stageId, contactId: d.contactId, line });
        } else if (table === 'activities') {
          activityRefs.push({ contactId: (parsed.data as { contactId: string }).contactId, line });
        }
      }
      await opts.onValid?.(table, valid, sizes);
    },
  });
  const counts = {
    stages: ids.stages.size,
    contacts: ids.contacts.size,
    deals: ids.deals.size,
    activities: ids.activities.size,
    tasks: ids.tasks.size,
    owners: ids.owners.size,
    quotas: ids.quotas.size,
  };
  for (const table of BACKUP_TABLES) {
    if (counts[table] !== header.counts[table]) throw new BackupError(t('io_backupTruncated'));
  }
  for (const ref of dealRefs) {
    if (!ids.stages.has(ref.stageId) || !ids.contacts.has(ref.contactId)) {
      throw new BackupError(t('io_backupBrokenLink', ref.line));
    }
  }
  for (const ref of activityRefs) {
    if (!ids.contacts.has(ref.contactId)) throw new BackupError(t('io_backupBrokenLink', ref.line));
  }
  return { header, counts };
}

/** Why a record was refused, in words a rep reads: a size over the model's limits says which limit. */
function recordError(table: BackupTable, line: number, issue: z.core.$ZodIssue): BackupError {
  const where = t(`io_table_${table}`);
  if (issue.code === 'too_big' && typeof issue.maximum === 'number') {
    const key = issue.origin === 'array' ? 'io_backupTooMany' : 'io_backupTooLong';
    return new BackupError(t(key, where, line, formatNumber(issue.maximum)));
  }
  if (issue.code === 'custom' && issue.message === PAYLOAD_TOO_BIG) {
    return new BackupError(t('io_backupTooLong', where, line, formatNumber(MAX_PAYLOAD)));
  }
  if (issue.code === 'custom' && issue.message === FIELDS_TOO_MANY) {
    return new BackupError(t('io_backupTooMany', where, line, formatNumber(MAX_FIELDS)));
  }
  return new BackupError(t('io_backupBadRecord', where, line, `${issue.path.join('.')}: ${issue.message}`));
}
