import { contactIndexRow, isLive, searchWords } from '../db/contact-index';
import type { ProspectorDb } from '../db/database';
import { foldText, linkedinKey } from '../db/keys';
import type { Contact } from '../model';

/** Why two contacts may be one person, strongest first. */
export const DUPLICATE_REASONS = ['email', 'linkedin', 'name-company', 'phone', 'name'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export interface PossibleDuplicate {
  contact: Contact;
  reasons: DuplicateReason[];
}

const MAX_RESULTS = 20;

/**
 * Live contacts that may be the same person as `contact`: a shared email, LinkedIn profile or phone, the same
 * name at the same company, or the same full name elsewhere (weakest: two people can share a name). Indexed
 * look-ups only. Sorted by the strongest reason, then by how many reasons agree.
 */
export async function findPossibleDuplicates(db: ProspectorDb, contact: Contact): Promise<PossibleDuplicate[]> {
  const reasons = new Map<string, Set<DuplicateReason>>();
  const add = (ids: readonly string[], reason: DuplicateReason) => {
    for (const id of ids) {
      if (id === contact.id) continue;
      const set = reasons.get(id) ?? new Set();
      set.add(reason);
      reasons.set(id, set);
    }
  };
  const emails = contact.emails.map((e) => e.toLowerCase());
  if (emails.length) add(await db.contacts.where('emails').anyOf(emails).primaryKeys(), 'email');
  const li = linkedinKey(contact.urls.linkedin ?? '') || contact.linkedinKey;
  if (li) add(await db.contacts.where('linkedinKey').equals(li).primaryKeys(), 'linkedin');
  if (contact.nameKey) add(await db.contacts.where('nameKey').equals(contact.nameKey).primaryKeys(), 'name-company');
  const phones = contactIndexRow({ ...contact, deletedAt: null, mergedInto: null }).phones;
  if (phones.length) add(await db.contactIndex.where('phones').anyOf(phones).primaryKeys(), 'phone');
  const nameWords = searchWords(contact.name);
  if (nameWords.length >= 2) {
    // Everyone with all the same name words, then the exact full name.
    let ids: Set<string> | null = null;
    for (const w of nameWords) {
      const keys: string[] = await db.contactIndex.where('words').equals(w).primaryKeys();
      ids = new Set(ids ? keys.filter((k) => ids!.has(k)) : keys);
    }
    const candidates = await db.contacts.bulkGet([...(ids ?? [])].slice(0, 200));
    const folded = foldText(contact.name);
    add(
      candidates.filter((c): c is Contact => !!c && foldText(c.name) === folded).map((c) => c.id),
      'name',
    );
  }
  const found = await db.contacts.bulkGet([...reasons.keys()]);
  const rank = (r: Set<DuplicateReason>) => Math.min(...[...r].map((x) => DUPLICATE_REASONS.indexOf(x)));
  return found
    .filter((c): c is Contact => !!c && isLive(c))
    .map((c) => ({
      contact: c,
      reasons: DUPLICATE_REASONS.filter((r) => reasons.get(c.id)!.has(r)),
    }))
    .sort((a, b) => {
      const ra = rank(new Set(a.reasons));
      const rb = rank(new Set(b.reasons));
      return ra - rb || b.reasons.length - a.reasons.length || a.contact.name.localeCompare(b.contact.name);
    })
    .slice(0, MAX_RESULTS);
}
