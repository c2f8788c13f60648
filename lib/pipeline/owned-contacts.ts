import type { ProspectorDb } from '../db/database';
import type { DealIndexRow } from '../db/deal-index';

const OWNER = 5;

/** The board rows of every live deal (those with a stage: deleted deals' rows have none). */
function liveRows(db: ProspectorDb): Promise<DealIndexRow[]> {
  return db.dealIndex.orderBy('stageId').toArray();
}

/**
 * The contacts "My deals" or one owner's scope keeps in the contacts table: those with a live deal whose owner
 * passes `test`. A contact is an owner's through its deals: contacts do not record who captured them, and a
 * contact without a deal is nobody's yet (the team view lists it).
 */
export async function contactIdsWithOwner(db: ProspectorDb, test: (owner: string) => boolean): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const row of await liveRows(db)) if (test(row.v[OWNER])) ids.add(row.v[0]);
  return ids;
}

/** The owners live deals name, sorted, for the owner picker. */
export async function liveDealOwners(db: ProspectorDb): Promise<string[]> {
  const owners = new Set<string>();
  for (const row of await liveRows(db)) if (row.v[OWNER]) owners.add(row.v[OWNER]);
  return [...owners].sort((a, b) => a.localeCompare(b));
}
