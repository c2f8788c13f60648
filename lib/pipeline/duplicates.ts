import { contactIndexRow, searchWords } from '../db/contact-index';
import type { ProspectorDb } from '../db/database';
import { evidence, evidenceRank, REASONS, type Reason } from '../identity/evidence';
import { isLive } from '../identity/live';
import type { Contact } from '../model';
import { contactIdentity } from './find-contact';

/** Why two contacts may be one person, strongest first (lib/identity/evidence.ts). */
export const DUPLICATE_REASONS = REASONS;
export type DuplicateReason = Reason;

export interface PossibleDuplicate {
  contact: Contact;
  reasons: DuplicateReason[];
}

const MAX_RESULTS = 20;

/**
 * Live contacts that may be the same person as `contact`: a shared email, LinkedIn profile or phone, the same
 * name at the same company, or the same full name elsewhere (weakest: two people can share a name). The stored
 * keys find the candidates with indexed look-ups only; lib/identity's `evidence` gives the reasons, so this
 * list and capture's matching agree. Sorted by the strongest reason, then by how many reasons agree.
 */
export async function findPossibleDuplicates(db: ProspectorDb, contact: Contact): Promise<PossibleDuplicate[]> {
  const self = contactIdentity(contact);
  const phones = contactIndexRow({ ...contact, deletedAt: null, mergedInto: null }).phones;
  const nameWords = searchWords(contact.name);
  const [byEmail, byLinkedin, byName, byPhone, byWords] = await Promise.all([
    self.emails.size
      ? db.contacts
          .where('emails')
          .anyOf([...self.emails])
          .primaryKeys()
      : [],
    self.linkedin ? db.contacts.where('linkedinKey').equals(self.linkedin).primaryKeys() : [],
    self.nameCompany ? db.contacts.where('nameKey').equals(self.nameCompany).primaryKeys() : [],
    phones.length ? db.contactIndex.where('phones').anyOf(phones).primaryKeys() : [],
    // Everyone with all the same name words (a full name of two words or more): evidence keeps the exact name.
    nameWords.length >= 2 ? idsWithAllWords(db, nameWords) : [],
  ]);
  const ids = new Set<string>([...byEmail, ...byLinkedin, ...byName, ...byPhone, ...byWords]);
  ids.delete(contact.id);
  const found = await db.contacts.bulkGet([...ids].slice(0, 400));
  return found
    .filter((c): c is Contact => !!c && isLive(c))
    .map((c) => ({ contact: c, e: evidence(contactIdentity(c), self) }))
    .filter(({ e }) => e.reasons.length > 0)
    .sort(
      (a, b) =>
        evidenceRank(a.e) - evidenceRank(b.e) ||
        b.e.reasons.length - a.e.reasons.length ||
        a.contact.name.localeCompare(b.contact.name),
    )
    .slice(0, MAX_RESULTS)
    .map(({ contact: c, e }) => ({ contact: c, reasons: e.reasons }));
}

async function idsWithAllWords(db: ProspectorDb, words: readonly string[]): Promise<string[]> {
  let ids: Set<string> | null = null;
  for (const w of words) {
    const keys: string[] = await db.contactIndex.where('words').equals(w).primaryKeys();
    ids = new Set(ids ? keys.filter((k) => ids!.has(k)) : keys);
    if (!ids.size) break;
  }
  return [...(ids ?? [])].slice(0, 200);
}
