import { foldText, phoneKey } from '../identity/keys';
import { isLive } from '../identity/live';

// Moved to lib/identity (issue #14); re-exported so branches written against this path still build.
export { phoneKey } from '../identity/keys';
export { isLive } from '../identity/live';

import type { Contact } from '../model';

/**
 * A derived row per contact that makes the contacts searchable and sortable at 100,000 rows without loading
 * them: `words` (folded words of the name, company and emails) answers prefix search, `sortName` and
 * `sortCompany` give the table's order. Only live contacts (not deleted, not merged) carry words and sort keys:
 * IndexedDB leaves a record out of an index whose key is missing, so the indexes list live contacts only.
 *
 * It lives in its own table (not as extra fields on the contact) so a contact row stays exactly the Contact
 * shape everyone else reads, exports and compares. lib/db/derived-index.ts keeps it current on every write to
 * `contacts`, whoever makes it (capture, import, restore, the options page).
 */
export interface ContactIndexRow {
  id: string;
  words: string[];
  sortName?: string;
  sortCompany?: string;
  /** Each phone number's last 9 digits, for finding duplicates by phone. */
  phones: string[];
}

const MAX_WORDS = 64;
const MAX_WORD = 40;

type ContactLike = Partial<Pick<Contact, 'name' | 'company' | 'emails' | 'phones' | 'deletedAt' | 'mergedInto'>> & {
  id: string;
};

/** The folded words of a text, each at most 40 characters: what a search query is matched against. */
export function searchWords(text: string): string[] {
  return foldText(text)
    .split(' ')
    .filter(Boolean)
    .map((w) => w.slice(0, MAX_WORD));
}

/** The index row for a contact as stored. Tolerates partial rows (an old or hand-made backup). */
export function contactIndexRow(c: ContactLike): ContactIndexRow {
  if (!isLive(c)) return { id: c.id, words: [], phones: [] };
  const emails = Array.isArray(c.emails) ? c.emails : [];
  const words = new Set<string>();
  for (const text of [c.name ?? '', c.company ?? '', ...emails]) {
    for (const w of searchWords(text)) {
      if (words.size >= MAX_WORDS) break;
      words.add(w);
    }
  }
  const phones = [...new Set((Array.isArray(c.phones) ? c.phones : []).map(phoneKey).filter(Boolean))];
  return {
    id: c.id,
    words: [...words],
    sortName: foldText(c.name || emails[0] || ''),
    sortCompany: foldText(c.company ?? ''),
    phones,
  };
}
