import { z } from 'zod';
import { followUpTask, type ProspectorDb } from '../db/database';
import { AppError } from '../errors/app-error';
import { Activity, Contact, Deal, Id, Owner, Quota, Settings, Stage, Task } from '../model';
import { BACKUP_TABLES, BackupCounts, type BackupTable } from './backup-format';

const MAX_RESTORE_ROWS = 5000;
/** Rows read from staging per step of the swap: bounded memory whatever the backup's size. */
const SWAP_PAGE = 2000;

/** The most rows one restore message carries: small enough that serialising one is a short task on the page. */
export const RESTORE_BATCH = 500;
/**
 * The most JSON text one restore message carries. Chromium refuses a message over 64 MiB ("Message exceeded
 * maximum allowed size"), and a long one blocks both pages while it is copied: batches are cut by size too.
 */
export const RESTORE_BATCH_BYTES = 1024 * 1024;

/** The name of the port a restore's page holds open (its session follows): closing the page drops staging. */
export const RESTORE_PORT = 'prospector-restore:';

const Session = Id;

/**
 * One step of a restore, as the options page sends it to the background. Nothing the rep has is touched until
 * 'commit':
 * - 'begin' starts a session (and drops whatever an abandoned restore left in staging);
 * - each table's rows are staged as the page reads and checks the file — once, so a file changed on disk after
 *   that cannot be half read;
 * - 'commit' swaps the staged rows in, in one transaction, if staging holds exactly the counts the page checked,
 *   then the background stores the backup's settings;
 * - 'discard' drops the session's staged rows (the rep cancelled, or the file was refused).
 * Each step is checked again here on receipt.
 */
export const RestoreStep = z.discriminatedUnion('step', [
  z.object({ step: z.literal('begin'), session: Session }),
  z.object({ step: z.literal('stages'), session: Session, rows: z.array(Stage).max(MAX_RESTORE_ROWS) }),
  z.object({ step: z.literal('contacts'), session: Session, rows: z.array(Contact).max(MAX_RESTORE_ROWS) }),
  z.object({ step: z.literal('deals'), session: Session, rows: z.array(Deal).max(MAX_RESTORE_ROWS) }),
  z.object({ step: z.literal('activities'), session: Session, rows: z.array(Activity).max(MAX_RESTORE_ROWS) }),
  z.object({ step: z.literal('tasks'), session: Session, rows: z.array(Task).max(MAX_RESTORE_ROWS) }),
  z.object({ step: z.literal('owners'), session: Session, rows: z.array(Owner).max(MAX_RESTORE_ROWS) }),
  z.object({ step: z.literal('quotas'), session: Session, rows: z.array(Quota).max(MAX_RESTORE_ROWS) }),
  z.object({ step: z.literal('commit'), session: Session, counts: BackupCounts, settings: Settings.nullable() }),
  z.object({ step: z.literal('discard'), session: Session }),
]);
export type RestoreStep = z.infer<typeof RestoreStep>;
export type RestoreStepInput = z.input<typeof RestoreStep>;

/*
 * Key ranges of the staging table. In IndexedDB's order a key is above every key it is a prefix of, and an array
 * is above every string: [s, t] to [s, t, []] holds exactly the keys [s, t, any id].
 */
const ABOVE_ANY_STRING: never[] = [];

/** The staged rows of one table of a session (after the id `after`, if given). */
function stagedRange(db: ProspectorDb, session: string, table: BackupTable, after?: string) {
  const lower = after === undefined ? [session, table] : [session, table, after];
  return db.restoreStaging
    .where('[session+table+id]')
    .between(lower, [session, table, ABOVE_ANY_STRING], after === undefined, false);
}

/** Writes one restore step; returns how many rows it staged or restored. */
export async function applyRestoreStep(db: ProspectorDb, step: RestoreStep): Promise<number> {
  switch (step.step) {
    case 'begin':
      // One restore at a time: a session another page left half staged is dropped (its commit then fails, safely).
      await db.restoreStaging.clear();
      return 0;
    case 'discard':
      await db.restoreStaging
        .where('[session+table+id]')
        .between([step.session], [step.session, ABOVE_ANY_STRING])
        .delete();
      return 0;
    case 'commit':
      return commitRestore(db, step.session, step.counts);
    default: {
      const { session, step: table, rows } = step;
      await db.restoreStaging.bulkPut(rows.map((row) => ({ session, table, id: row.id, row })));
      return rows.length;
    }
  }
}

/**
 * Replaces every stage, contact, deal and activity with the session's staged rows, in ONE transaction: if
 * anything fails (or the worker stops) before it commits, IndexedDB rolls it back and the rep's data is as it
 * was. The derived tables follow through their middleware, in the same transaction.
 */
async function commitRestore(db: ProspectorDb, session: string, counts: BackupCounts): Promise<number> {
  const tables = BACKUP_TABLES.map((name) => db.table(name));
  return db.transaction('rw', [...tables, db.restoreStaging], async () => {
    for (const table of BACKUP_TABLES) {
      if ((await stagedRange(db, session, table).count()) !== counts[table]) {
        throw new AppError('io_restoreStagingLost');
      }
    }
    let written = 0;
    for (const name of BACKUP_TABLES) {
      const table = db.table(name);
      await table.clear();
      let last: string | undefined;
      for (;;) {
        const page = await stagedRange(db, session, name, last).limit(SWAP_PAGE).toArray();
        if (!page.length) break;
        await table.bulkAdd(page.map((staged) => staged.row));
        written += page.length;
        last = page.at(-1)!.id;
      }
    }
    if (counts.tasks === 0) {
      // A backup made before follow-ups were tasks (database v11): its deals' follow-ups become their tasks.
      const deals = await db.deals.filter((d) => d.followUpAt !== null).toArray();
      await db.tasks.bulkPut(deals.map((d) => followUpTask(d, d.deletedAt === null)));
    }
    await db.restoreStaging.clear();
    return written;
  });
}

export interface WipeResult {
  contacts: number;
  deals: number;
  activities: number;
}

/**
 * Deletes every contact, deal, activity and follow-up (the contact search index follows, through its middleware), in one
 * transaction: all or nothing. Stages and settings stay: they are the rep's set-up, not prospects.
 */
export async function wipeData(db: ProspectorDb): Promise<WipeResult> {
  return db.transaction('rw', [db.contacts, db.deals, db.activities, db.tasks, db.owners, db.quotas], async () => {
    const [contacts, deals, activities] = await Promise.all([
      db.contacts.count(),
      db.deals.count(),
      db.activities.count(),
    ]);
    // The owners and their quotas go with the deals they own: a wipe starts the team's figures afresh.
    await Promise.all([
      db.contacts.clear(),
      db.deals.clear(),
      db.activities.clear(),
      db.tasks.clear(),
      db.owners.clear(),
      db.quotas.clear(),
    ]);
    return { contacts, deals, activities };
  });
}
