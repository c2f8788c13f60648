import type { ProspectorDb } from '../db/database';
import { linkedinKey, nameKey } from '../db/keys';
import type { Contact } from '../model';

export interface ContactLookup {
  emails?: readonly string[];
  linkedinUrl?: string;
  name?: string;
  company?: string;
}

const alive = (c: Contact) => c.deletedAt === null && c.mergedInto === null;

/**
 * The stored contacts that are this person, strongest evidence first: same email, same LinkedIn profile, same
 * name at the same company. Indexed look-ups only (this runs on the popup's open path with 100,000 contacts).
 */
export async function findContacts(db: ProspectorDb, q: ContactLookup): Promise<Contact[]> {
  const found = new Map<string, Contact>();
  const add = (list: Contact[]) => {
    for (const c of list) if (alive(c) && !found.has(c.id)) found.set(c.id, c);
  };
  const emails = (q.emails ?? []).map((e) => e.toLowerCase()).filter(Boolean);
  if (emails.length) add(await db.contacts.where('emails').anyOf(emails).toArray());
  const li = linkedinKey(q.linkedinUrl ?? '');
  if (li) add(await db.contacts.where('linkedinKey').equals(li).toArray());
  const nk = nameKey(q.name ?? '', q.company ?? '');
  if (nk) add(await db.contacts.where('nameKey').equals(nk).toArray());
  return [...found.values()];
}

export async function findContact(db: ProspectorDb, q: ContactLookup): Promise<Contact | undefined> {
  return (await findContacts(db, q))[0];
}
