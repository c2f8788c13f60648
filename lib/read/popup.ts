import type { ProspectorDb } from '../db/database';
import { type ContactView, loadContactView } from '../popup/contact-view';
import type { Read } from './watch';

/**
 * The popup's live reads (issue #14.3: components read through lib/, never Dexie or lib/db themselves), each a
 * Read for components/use-live-query.ts.
 */

/** One known contact with their deals and newest activities (lib/popup/contact-view.ts). */
export function contactViewRead(contactId: string): Read<ContactView | null> {
  return (db: ProspectorDb) => loadContactView(db, contactId);
}

/**
 * Each contact's current stage: the stage of their open deal, else of their latest closed one; none for a lead.
 * Read by the deals' contactId index, never a scan; deleted deals do not count.
 */
export function currentStagesRead(contactIds: readonly string[]): Read<Map<string, string>> {
  return async (db: ProspectorDb) => {
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
