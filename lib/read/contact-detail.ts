import type { ProspectorDb } from '../db/database';
import type { Activity, Contact, Deal, Stage } from '../model';
import type { EmailText } from '../pipeline/bant-from-text';
import { sortStages } from '../pipeline/default-stages';
import { latestEmailTexts, latestNoteTexts } from '../pipeline/suggest-bant';

/** What the contact page shows, read in one go (indexed look-ups only). */
export interface ContactDetailData {
  contact: Contact | undefined;
  /** Their live deals (a deleted contact's deals, deleted with them, stay shown). */
  deals: Deal[];
  stages: Stage[];
  /** The evidence the BANT suggestions read: the newest notes and what prospects wrote in logged emails. */
  noteTexts: string[];
  emailTexts: EmailText[];
}

export async function contactDetail(db: ProspectorDb, contactId: string): Promise<ContactDetailData> {
  const [contact, deals, stages, noteTexts, emailTexts] = await Promise.all([
    db.contacts.get(contactId),
    db.deals.where('contactId').equals(contactId).toArray(),
    db.stages.toArray(),
    latestNoteTexts(db, contactId),
    latestEmailTexts(db, contactId),
  ]);
  return {
    contact,
    deals: deals.filter((d) => d.deletedAt === null || !!contact?.deletedAt),
    stages: sortStages(stages),
    noteTexts,
    emailTexts,
  };
}

/**
 * A page of the contact's timeline, newest first: `limit + 1` rows, so the caller knows whether there is more.
 * An index range of the contact's own activities, never the whole table.
 */
export function timelinePage(db: ProspectorDb, contactId: string, limit: number): Promise<Activity[]> {
  return db.activities
    .where('[contactId+at]')
    .between([contactId, -Infinity], [contactId, Infinity])
    .reverse()
    .limit(limit + 1)
    .toArray();
}
