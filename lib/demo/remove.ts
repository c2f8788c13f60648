import Dexie from 'dexie';
import type { ProspectorDb } from '../db/database';

/**
 * Removes the demo pipeline — every contact "Load demo pipeline" made, with their deals, follow-ups and timeline —
 * in one transaction, and nothing of the rep's own (a demo contact the rep merged into a real one is kept as the
 * real one). The derived tables follow through the middleware.
 */
export async function removeDemo(db: ProspectorDb): Promise<{ contacts: number; deals: number }> {
  return db.transaction('rw', [db.contacts, db.deals, db.activities, db.tasks], async () => {
    const ids = await db.contacts.filter((c) => c.demo === true).primaryKeys();
    if (!ids.length) return { contacts: 0, deals: 0 };
    const dealIds = await db.deals.where('contactId').anyOf(ids).primaryKeys();
    for (const id of ids) {
      await db.activities.where('[contactId+at]').between([id, Dexie.minKey], [id, Dexie.maxKey]).delete();
    }
    await db.tasks.where('contactId').anyOf(ids).delete();
    await db.deals.bulkDelete(dealIds);
    await db.contacts.bulkDelete(ids);
    return { contacts: ids.length, deals: dealIds.length };
  });
}
