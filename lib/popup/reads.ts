import { getDb, type ProspectorDb } from '../db/database';
import { type ContactView, loadContactView } from './contact-view';

/**
 * The popup's live reads (issue #14.3: components read through lib/, never Dexie or lib/db themselves). Each
 * returns a read for components/use-live-query.ts; it runs on the extension's database unless given another
 * (the unit tests give a fresh one).
 */

/** One known contact with their deals and newest activities (lib/popup/contact-view.ts). */
export function contactViewRead(contactId: string): (db?: ProspectorDb) => Promise<ContactView | null> {
  return (db = getDb()) => loadContactView(db, contactId);
}

/**
 * Each contact's current stage: the stage of their open deal, else of their latest closed one; none for a lead.
 * Read by the deals' contactId index, never a scan; deleted deals do not count.
 */
export function currentStagesRead(contactIds: readonly string[]): (db?: ProspectorDb) => Promise<Map<string, string>> {
  return async (db = getDb()) => {
    const deals = await db.deals.where('contactId').anyOf(contactIds).toArray();
    const out = new Map<string, string>();
    const live = deals.filter((d) => d.deletedAt === null);
    // Open deals first; among closed ones the latest closed.
    live.sort(
      (a, b) =>
        Number(a.outcome !== null) - Number(b.outcome !== null) ||
        (b.closedAt ?? b.updatedAt) - (a.closedAt ?? a.updatedAt),
    );
    for (const d of live) if (!out.has(d.contactId)) out.set(d.contactId, d.stageId);
    return out;
  };
}

/** A stored contact as it is now (after a save), or undefined. */
export function storedContact(contactId: string, db: ProspectorDb = getDb()) {
  return db.contacts.get(contactId);
}
