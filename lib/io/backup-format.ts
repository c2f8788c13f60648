import { z } from 'zod';
import { Activity, Contact, Deal, Owner, Quota, Settings, Stage, Task, Timestamp } from '../model';

/**
 * The JSON backup, version 1. It is one JSON document, written one record per line so it can be read back a
 * line at a time (a 100,000-contact backup never has to be parsed in one piece on the page):
 *
 *   {"prospectorBackup":{"format":"prospector-backup","version":1,"exportedAt":…,"counts":{…},"settings":{…}},
 *   "stages":[
 *   {…stage…},
 *   {…stage…}
 *   ],
 *   "contacts":[ … ],
 *   "deals":[ … ],
 *   "activities":[ … ]}
 *
 * Records are the stored rows as they are (the model's zod schemas validate them on restore). Derived tables
 * (the contact search index) are not in it: they are rebuilt as the contacts are written back.
 * A later version adds a new literal and a migration here; older versions stay readable.
 */
export const BACKUP_FORMAT = 'prospector-backup';
export const BACKUP_VERSION = 1;

/** The tables a backup holds, in the order they are written and restored (stages before the deals in them). */
export const BACKUP_TABLES = ['stages', 'contacts', 'deals', 'activities', 'tasks', 'owners', 'quotas'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

export const RECORD_SCHEMAS = {
  stages: Stage,
  contacts: Contact,
  deals: Deal,
  activities: Activity,
  tasks: Task,
  owners: Owner,
  quotas: Quota,
} as const;

export const BackupCounts = z.object({
  stages: z.number().int().nonnegative(),
  contacts: z.number().int().nonnegative(),
  deals: z.number().int().nonnegative(),
  activities: z.number().int().nonnegative(),
  /** Follow-ups (since database v11): a backup made before has none, and its deals' follow-ups become tasks. */
  tasks: z.number().int().nonnegative().default(0),
  /** The team's owners and quotas (since database v7, issue 13): a backup made before has none. */
  owners: z.number().int().nonnegative().default(0),
  quotas: z.number().int().nonnegative().default(0),
});
export type BackupCounts = z.infer<typeof BackupCounts>;

export const BackupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().positive(),
  exportedAt: Timestamp,
  counts: BackupCounts,
  settings: Settings.nullable().default(null),
});
export type BackupHeader = z.infer<typeof BackupHeader>;

export function headerLine(header: BackupHeader): string {
  return `{"prospectorBackup":${JSON.stringify(header)},\n`;
}

export function tableStart(table: BackupTable): string {
  return `"${table}":[\n`;
}

export function tableEnd(last: boolean): string {
  return last ? ']}\n' : '],\n';
}
