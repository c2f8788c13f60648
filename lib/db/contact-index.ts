import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, Middleware } from 'dexie';
import type { Contact } from '../model';
import { foldText } from './keys';

/**
 * A derived row per contact that makes the contacts searchable and sortable at 100,000 rows without loading
 * them: `words` (folded words of the name, company and emails) answers prefix search, `sortName` and
 * `sortCompany` give the table's order. Only live contacts (not deleted, not merged) carry words and sort keys:
 * IndexedDB leaves a record out of an index whose key is missing, so the indexes list live contacts only.
 *
 * It lives in its own table (not as extra fields on the contact) so a contact row stays exactly the Contact
 * shape everyone else reads, exports and compares. `contactIndexMiddleware` keeps it current on every write to
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

export function isLive(c: Pick<Contact, 'deletedAt' | 'mergedInto'>): boolean {
  return (c.deletedAt ?? null) === null && (c.mergedInto ?? null) === null;
}

/** The folded words of a text, each at most 40 characters: what a search query is matched against. */
export function searchWords(text: string): string[] {
  return foldText(text)
    .split(' ')
    .filter(Boolean)
    .map((w) => w.slice(0, MAX_WORD));
}

/**
 * Phone digits used as a duplicate key: the last 9 digits, so the same number written nationally
 * (021 555 0199) and internationally (+62 21 555 0199) gives the same key. Fewer than 7 digits: no key.
 */
export function phoneKey(phone: string): string {
  const digits = phone.replace(/\D+/g, '');
  return digits.length >= 7 ? digits.slice(-9) : '';
}

/** The index row for a contact as stored. Tolerates partial rows (an old or hand-made backup). */
export function contactIndexRow(c: ContactLike): ContactIndexRow {
  if (!isLive({ deletedAt: c.deletedAt ?? null, mergedInto: c.mergedInto ?? null }))
    return { id: c.id, words: [], phones: [] };
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

const CONTACTS = 'contacts';
const INDEX = 'contactIndex';

/**
 * Dexie middleware: every write transaction on `contacts` also opens `contactIndex`, and every put, add or
 * delete of contacts is mirrored there in the same transaction (so the two never disagree, even when the
 * service worker dies mid-write). Sits above Dexie's observability layer, so live queries on the index update.
 */
export const contactIndexMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'ContactIndex',
  create(down) {
    // During an upgrade from a version without the index table, the table does not exist yet.
    const hasIndex = () => down.schema.tables.some((t) => t.name === INDEX);
    return {
      ...down,
      transaction(stores, mode, options) {
        const widen = mode === 'readwrite' && stores.includes(CONTACTS) && !stores.includes(INDEX) && hasIndex();
        return down.transaction(widen ? [...stores, INDEX] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== CONTACTS || !hasIndex()) return table;
        const index = down.table(INDEX);
        return {
          ...table,
          async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
            const res = await table.mutate(req);
            if (req.type === 'add' || req.type === 'put') {
              const rows = req.values.filter((_, i) => !res.failures[i]).map((v) => contactIndexRow(v as ContactLike));
              if (rows.length) await index.mutate({ type: 'put', trans: req.trans, values: rows });
            } else if (req.type === 'delete') {
              await index.mutate({ type: 'delete', trans: req.trans, keys: req.keys });
            } else {
              await index.mutate({ type: 'deleteRange', trans: req.trans, range: req.range });
            }
            return res;
          },
        };
      },
    };
  },
};
