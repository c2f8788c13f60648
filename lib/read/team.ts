import type { ProspectorDb } from '../db/database';
import type { Owner, Quota } from '../model/owner';

/** The team's owners by name, as the settings list them. */
export async function ownersByName(db: ProspectorDb): Promise<Owner[]> {
  return (await db.owners.toArray()).sort((a, b) => a.name.localeCompare(b.name));
}

/** Every quota, the latest period first. */
export async function quotasLatestFirst(db: ProspectorDb): Promise<Quota[]> {
  return (await db.quotas.toArray()).sort((a, b) => (a.period < b.period ? 1 : a.period > b.period ? -1 : 0));
}

/** How many records wait to be sent to the team server (changed here since the last sync). */
export function unsyncedCount(db: ProspectorDb): Promise<number> {
  return db.syncState.where('dirty').equals(1).count();
}
