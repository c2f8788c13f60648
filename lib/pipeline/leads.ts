import type { ProspectorDb } from '../db/database';

/**
 * The contacts that have a live deal (open, won or lost; deleted deals aside). A lead is a live contact not in
 * this set. Keys only: the deals' contactId index gives every contact with any deal in one request; the few
 * deleted deals (the deletedAt index holds only those) are checked one contact at a time.
 */
export async function contactsWithDeals(db: ProspectorDb): Promise<Set<string>> {
  const [withAny, deleted] = await Promise.all([
    db.deals.orderBy('contactId').uniqueKeys(),
    db.deals.where('deletedAt').above(-Infinity).toArray(),
  ]);
  const out = new Set(withAny.map(String));
  const suspects = [...new Set(deleted.map((d) => d.contactId))];
  if (!suspects.length) return out;
  const alive = new Set(
    (await db.deals.where('contactId').anyOf(suspects).toArray())
      .filter((d) => d.deletedAt === null)
      .map((d) => d.contactId),
  );
  for (const id of suspects) if (!alive.has(id)) out.delete(id);
  return out;
}

/** Of `ids` (live contacts, in order), the leads: those without a live deal. Keeps the order. */
export async function leadsOnly(db: ProspectorDb, ids: readonly string[]): Promise<string[]> {
  const withDeals = await contactsWithDeals(db);
  return ids.filter((id) => !withDeals.has(id));
}
