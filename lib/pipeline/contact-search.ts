import { searchWords } from '../db/contact-index';
import type { ProspectorDb } from '../db/database';

/**
 * Live contacts whose name, company or emails contain a word starting with each word of `query` ("dewi nus"
 * finds Dewi Lestari at Nusantara). Index look-ups only, so it answers at 100,000 contacts. null when the query
 * has no words (no filter).
 */
export async function searchContactIds(db: ProspectorDb, query: string): Promise<Set<string> | null> {
  const words = [...new Set(searchWords(query))].sort((a, b) => b.length - a.length);
  if (!words.length) return null;
  let found: Set<string> | null = null;
  for (const word of words) {
    const keys = await db.contactIndex.where('words').startsWith(word).primaryKeys();
    const next = new Set<string>();
    for (const k of keys) if (!found || found.has(k)) next.add(k);
    found = next;
    if (!found.size) break;
  }
  return found;
}

/** Contacts carrying `tag` (deleted ones too: callers drop those with their deals). */
export async function contactIdsWithTag(db: ProspectorDb, tag: string): Promise<Set<string>> {
  return new Set(await db.contacts.where('tags').equals(tag).primaryKeys());
}

/** Every tag in use, sorted. */
export async function allTags(db: ProspectorDb): Promise<string[]> {
  return (await db.contacts.orderBy('tags').uniqueKeys()).map(String);
}

export const CONTACT_SORTS = ['name', 'company', 'created', 'updated'] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];

/**
 * The ids of all live contacts in the given order (keys only: about 100,000 ids in one request). Deleted and
 * merged contacts are not in the sort-key index, which is what makes this the live list.
 */
export async function liveContactIds(db: ProspectorDb, sort: ContactSort, descending = false): Promise<string[]> {
  let ids: string[];
  if (sort === 'name' || sort === 'company') {
    ids = await db.contactIndex.orderBy(sort === 'name' ? 'sortName' : 'sortCompany').primaryKeys();
  } else {
    const [ordered, live] = await Promise.all([
      db.contacts.orderBy(sort === 'created' ? 'createdAt' : 'updatedAt').primaryKeys(),
      db.contactIndex.orderBy('sortName').primaryKeys(),
    ]);
    const liveSet = new Set(live);
    ids = ordered.filter((id) => liveSet.has(id));
  }
  return descending ? ids.reverse() : ids;
}

/** Contact id → position in name order, for sorting board columns by name. */
export async function nameRanks(db: ProspectorDb): Promise<Map<string, number>> {
  const ids = await db.contactIndex.orderBy('sortName').primaryKeys();
  return new Map(ids.map((id, i) => [id, i]));
}
