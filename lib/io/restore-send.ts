import { newId } from '../model/common';
import type { BackupCounts, BackupHeader, BackupTable } from './backup-format';
import { type ValidateOptions, validateBackup } from './backup-read';
import { RESTORE_BATCH, RESTORE_BATCH_BYTES, type RestoreStepInput } from './restore-db';

/** Sends one restore step to the background (the options page: `send('backup.restore', step)`). */
export type SendStep = (step: RestoreStepInput) => Promise<unknown>;

/**
 * Cuts rows into consecutive batches of at most `maxRows` rows and `maxBytes` of JSON text (a row bigger than
 * that goes alone): [start, end) index pairs.
 */
export function byteBatches(sizes: readonly number[], maxRows = RESTORE_BATCH, maxBytes = RESTORE_BATCH_BYTES) {
  const batches: [number, number][] = [];
  let start = 0;
  while (start < sizes.length) {
    let end = start + 1;
    let bytes = sizes[start]!;
    while (end < sizes.length && end - start < maxRows && bytes + sizes[end]! <= maxBytes) bytes += sizes[end++]!;
    batches.push([start, end]);
    start = end;
  }
  return batches;
}

export interface StagedBackup {
  session: string;
  header: BackupHeader;
  counts: BackupCounts;
}

/**
 * Reads and checks a backup file ONCE, staging its valid rows in the background as they are read: what is
 * restored is exactly what was checked, even if the file changes on disk before the rep confirms. Nothing the
 * rep has is touched. On any failure the staged rows are dropped and the error is thrown.
 */
export async function stageBackup(
  file: Blob,
  sendStep: SendStep,
  opts: Omit<ValidateOptions, 'onValid'> = {},
  session = newId(),
): Promise<StagedBackup> {
  await sendStep({ step: 'begin', session });
  const stage = async (table: BackupTable, rows: unknown[], sizes: number[]) => {
    for (const [start, end] of byteBatches(sizes)) {
      // biome-ignore lint/suspicious/noExplicitAny: the rows passed their table's schema; the background parses them again.
      await sendStep({ step: table, session, rows: rows.slice(start, end) as any });
    }
  };
  try {
    const { header, counts } = await validateBackup(file, { ...opts, onValid: stage });
    return { session, header, counts };
  } catch (err) {
    await discardBackup(sendStep, session);
    throw err;
  }
}

/** Swaps a staged backup in (one transaction in the background) and stores its settings. */
export async function commitBackup(sendStep: SendStep, staged: StagedBackup): Promise<void> {
  try {
    await sendStep({
      step: 'commit',
      session: staged.session,
      counts: staged.counts,
      settings: staged.header.settings,
    });
  } catch (err) {
    await discardBackup(sendStep, staged.session);
    throw err;
  }
}

/** Drops a restore's staged rows (best effort: the next restore drops them anyway). */
export async function discardBackup(sendStep: SendStep, session: string): Promise<void> {
  await sendStep({ step: 'discard', session }).catch(() => undefined);
}
