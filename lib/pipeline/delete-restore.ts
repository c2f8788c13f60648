import type { ProspectorDb } from '../db/database';
import { type Contact, type Deal, newActivity } from '../model';
import { firstOpenStage } from './default-stages';

/**
 * Soft-deletes contacts and their deals (deletedAt = at), so undo and a later sync can see it. Returns how many
 * were deleted (contacts already deleted are skipped). The deals are stamped with the same time, which is how
 * restore tells them from deals deleted on their own earlier.
 */
export async function deleteContacts(db: ProspectorDb, ids: readonly string[], at: number): Promise<number> {
  return db.transaction('rw', [db.contacts, db.deals, db.activities], async () => {
    const contacts = (await db.contacts.bulkGet([...ids])).filter((c) => !!c && c.deletedAt === null);
    if (!contacts.length) return 0;
    const live = contacts.map((c) => c!.id);
    await db.contacts.bulkPut(contacts.map((c) => ({ ...c!, deletedAt: at, updatedAt: at })));
    await db.deals
      .where('contactId')
      .anyOf(live)
      .filter((d) => d.deletedAt === null)
      .modify((d) => {
        d.deletedAt = at;
        d.updatedAt = at;
      });
    await db.activities.bulkAdd(live.map((id) => newActivity(id, null, 'deleted', at)));
    return live.length;
  });
}

/**
 * Brings soft-deleted contacts back with the deals deleted along with them. Merged contacts stay merged (their
 * deals live on the kept contact). A deal whose stage was removed meanwhile lands in the first open stage.
 */
export async function restoreContacts(db: ProspectorDb, ids: readonly string[], at: number): Promise<number> {
  return db.transaction('rw', [db.contacts, db.deals, db.activities, db.stages], async () => {
    const contacts = (await db.contacts.bulkGet([...ids])).filter(
      (c) => !!c && c.deletedAt !== null && c.mergedInto === null,
    );
    if (!contacts.length) return 0;
    const deletedAt = new Map(contacts.map((c) => [c!.id, c!.deletedAt]));
    const stages = await db.stages.toArray();
    const stageIds = new Set(stages.map((s) => s.id));
    const fallback = firstOpenStage(stages);
    await db.contacts.bulkPut(contacts.map((c) => ({ ...c!, deletedAt: null, updatedAt: at })));
    await db.deals
      .where('contactId')
      .anyOf([...deletedAt.keys()])
      .filter((d) => d.deletedAt !== null && d.deletedAt === deletedAt.get(d.contactId))
      .modify((d: Deal) => {
        d.deletedAt = null;
        d.updatedAt = at;
        if (!stageIds.has(d.stageId) && fallback) {
          d.stageId = fallback.id;
          d.stageEntries = [...d.stageEntries, { stageId: fallback.id, at }];
        }
      });
    await db.activities.bulkAdd(contacts.map((c) => newActivity(c!.id, null, 'restored', at)));
    return contacts.length;
  });
}

/** Soft-deleted contacts, most recently deleted first (merged ones excluded): the trash. */
export async function deletedContacts(db: ProspectorDb, limit = 500): Promise<Contact[]> {
  return db.contacts
    .where('deletedAt')
    .above(0)
    .reverse()
    .filter((c) => c.mergedInto === null)
    .limit(limit)
    .toArray();
}
