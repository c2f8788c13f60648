import type { ProspectorDb } from '../db/database';
import { linkedinKey } from '../identity/keys';
import { isLive } from '../identity/live';
import type { Candidate } from '../model';
import { findContacts } from '../pipeline/find-contact';
import { lookupOf, type PagePerson, personFromContact, rankPeople } from './rank-people';
import type { RememberedPerson } from './tab-memory';

/**
 * The people of the current tab, most likely first: each person found on the page matched against the store
 * (email, LinkedIn profile, name at company: findContacts' indexed look-ups, in one read transaction).
 * Before the page has been read (`candidates` null), the tab's own URL can already name someone: a LinkedIn
 * profile URL is a key of the store, so the popup shows that contact's stage while the page is still being read;
 * failing that, who was found on this page the last time the popup opened on it (`remembered`).
 */
export async function identifyPeople(
  db: ProspectorDb,
  candidates: readonly Candidate[] | null,
  tabUrl: string,
  remembered: readonly RememberedPerson[] = [],
): Promise<PagePerson[]> {
  if (candidates === null) {
    const key = linkedinKey(tabUrl);
    const fromUrl = key ? await db.contacts.where('linkedinKey').equals(key).toArray() : [];
    if (fromUrl.length || !remembered.length)
      return fromUrl.filter(isLive).map((c) => personFromContact(c, 'linkedin'));
    // Who was found on this page last time, still in the store, in the order they were ranked.
    const contacts = await db.contacts.bulkGet(remembered.map((p) => p.contactId));
    return remembered.flatMap((p, i) => {
      const c = contacts[i];
      return c && isLive(c) ? [personFromContact(c, p.match)] : [];
    });
  }
  const found = await db.transaction('r', [db.contacts, db.contactIndex], () =>
    Promise.all(
      candidates.map(async (candidate) => ({
        candidate,
        // Namesakes are offered only for a person with no stronger match (rankPeople): read only then.
        contacts: await findContacts(db, lookupOf(candidate), { namesakesOnlyAlone: true }),
      })),
    ),
  );
  return rankPeople(found, tabUrl);
}
