import type { ProspectorDb } from '../db/database';
import { linkedinKey } from '../db/keys';
import type { Candidate, Contact } from '../model';
import { findContacts } from '../pipeline/find-contact';
import { lookupOf, type PagePerson, personFromContact, rankPeople } from './rank-people';

/**
 * The people of the current tab, most likely first: each person found on the page matched against the store
 * (email, LinkedIn profile, name at company: findContacts' indexed look-ups, in one read transaction).
 * Before the page has been read (`candidates` null), the tab's own URL can already name someone: a LinkedIn
 * profile URL is a key of the store, so the popup shows that contact's stage while the page is still being read.
 */
export async function identifyPeople(
  db: ProspectorDb,
  candidates: readonly Candidate[] | null,
  tabUrl: string,
): Promise<PagePerson[]> {
  if (candidates === null) {
    const key = linkedinKey(tabUrl);
    if (!key) return [];
    const contacts = await db.contacts.where('linkedinKey').equals(key).toArray();
    return contacts.filter(alive).map((c) => personFromContact(c, 'linkedin'));
  }
  const found = await db.transaction('r', db.contacts, () =>
    Promise.all(
      candidates.map(async (candidate) => ({ candidate, contacts: await findContacts(db, lookupOf(candidate)) })),
    ),
  );
  return rankPeople(found, tabUrl);
}

const alive = (c: Contact) => c.deletedAt === null && c.mergedInto === null;
