import { z } from 'zod';
import { followUpTask, type ProspectorDb } from '../db/database';
import { Activity, Contact, Deal, Owner, Quota, Settings, Stage, Task } from '../model';
import { BACKUP_TABLES } from './backup-format';

const MAX_RESTORE_ROWS = 5000;

/** Rows per restore message: small enough that serialising one is a short task on the page. */
export const RESTORE_BATCH = 500;

/**
 * One step of a restore, as the options page sends it to the background: 'begin' empties the tables, then the
 * backup's rows arrive table by table, then 'end' brings the settings. The page has validated the whole file
 * before 'begin' (lib/io/backup-read.ts validateBackup); each step is checked again here on receipt.
 */
export const RestoreStep = z.discriminatedUnion('step', [
  z.object({ step: z.literal('begin') }),
  z.object({ step: z.literal('stages'), rows: z.array(Stage).max(MAX_RESTORE_ROWS) }),
  z.object({ step: z.literal('contacts'), rows: z.array(Contact).max(MAX_RESTORE_ROWS) }),
  z.object({ step: z.literal('deals'), rows: z.array(Deal).max(MAX_RESTORE_ROWS) }),
  z.object({ step: z.literal('activities'), rows: z.array(Activity).max(MAX_RESTORE_ROWS) }),
  z.object({ step: z.literal('tasks'), rows: z.array(Task).max(MAX_RESTORE_ROWS) }),
  z.object({ step: z.literal('owners'), rows: z.array(Owner).max(MAX_RESTORE_ROWS) }),
  z.object({ step: z.literal('quotas'), rows: z.array(Quota).max(MAX_RESTORE_ROWS) }),
  z.object({ step: z.literal('end'), settings: Settings.nullable() }),
]);
export type RestoreStep = z.infer<typeof RestoreStep>;
export type RestoreStepInput = z.input<typeof RestoreStep>;

/** Writes one restore step; returns how many rows it wrote. Settings ('end') are the caller's to store. */
export async function applyRestoreStep(db: ProspectorDb, step: RestoreStep): Promise<number> {
  if (step.step === 'begin') {
    const tables = BACKUP_TABLES.map((n) => db.table(n));
    await db.transaction('rw', tables, () => Promise.all(tables.map((table) => table.clear())));
    return 0;
  }
  if (step.step === 'end') {
    // A backup made before follow-ups were tasks (database v11): its deals' follow-ups become their tasks.
    await db.transaction('rw', db.deals, db.tasks, async () => {
      if ((await db.tasks.count()) > 0) return;
      const deals = await db.deals.filter((d) => d.followUpAt !== null).toArray();
      await db.tasks.bulkPut(deals.map((d) => followUpTask(d, d.deletedAt === null)));
    });
    return 0;
  }
  const table = db.table(step.step);
  await db.transaction('rw', table, () => table.bulkPut(step.rows));
  return step.rows.length;
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
