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

/** Legal forms the stored name key may not drop ("Orbital Freight Pte. Ltd." is "Orbital Freight"). */
const LEGAL_FORMS =
  /(?:[\s,]+(?:pte|pty|sdn|bhd|s\.?a\.?s?|s\.?l\.?|s\.?r\.?l\.?|s\.?p\.?a\.?|ab|as|oy|kk|nv|n\.v\.|bv|b\.v\.|llp|lp|gmbh|ag|ltd|limited|inc|llc|corp|corporation|co|company|plc|tbk|cv)\.?)+$/i;

/** The company as written, and without its legal form (a page may add "Pte. Ltd." where another did not). */
function companyVariants(company: string): string[] {
  const bare = company
    .replace(/^(?:pt|cv)\.?\s+/i, '')
    .replace(LEGAL_FORMS, '')
    .trim();
  return bare && bare !== company ? [company, bare] : [company];
}

/**
 * The stored contacts that are this person, strongest evidence first: same email, same LinkedIn profile, same
 * name at the same company. Indexed look-ups only (this runs on the popup's open path with 100,000 contacts).
 */
export async function findContacts(db: ProspectorDb, q: ContactLookup): Promise<Contact[]> {
  const emails = (q.emails ?? []).map((e) => e.toLowerCase()).filter(Boolean);
  const li = linkedinKey(q.linkedinUrl ?? '');
  const keys = [...new Set(companyVariants(q.company ?? '').map((c) => nameKey(q.name ?? '', c)))].filter(Boolean);
  // The three look-ups at once (one round trip to the database, not three in a row), ranked after.
  const lists = await Promise.all([
    emails.length ? db.contacts.where('emails').anyOf(emails).toArray() : [],
    li ? db.contacts.where('linkedinKey').equals(li).toArray() : [],
    keys.length ? db.contacts.where('nameKey').anyOf(keys).toArray() : [],
  ]);
  const found = new Map<string, Contact>();
  for (const list of lists) for (const c of list) if (alive(c) && !found.has(c.id)) found.set(c.id, c);
  return [...found.values()];
}

export async function findContact(db: ProspectorDb, q: ContactLookup): Promise<Contact | undefined> {
  return (await findContacts(db, q))[0];
}
