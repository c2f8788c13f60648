import { searchWords } from '../db/contact-index';
import type { ProspectorDb } from '../db/database';
import { evidence, evidenceRank, identityOf, isSamePerson, type PersonLike } from '../identity/evidence';
import { isLive } from '../identity/live';
import type { Contact } from '../model';

/**
 * Who to look for: emails, a LinkedIn profile (its URL or among `urls`), name and company, phones (with the
 * name only: the same name and the same phone is the same person, as in a phone's vCard with no company).
 */
export type ContactLookup = PersonLike;

/**
 * The stored contacts that are this person (lib/identity/evidence.ts: isSamePerson), strongest evidence first:
 * same email, same LinkedIn profile, same name with the same phone, same name at the same company. The stored
 * keys narrow the search (indexed look-ups only: this runs on the popup's open path with 100,000 contacts) and
 * `evidence` decides, so the look-up and every other "same person?" question give one answer.
 */
export async function findContacts(
  db: ProspectorDb,
  q: ContactLookup,
  opts: {
    /**
     * Read the same-name-same-company contacts only when nothing stronger (an email, the LinkedIn profile, a phone
     * with the name) is found: for those who use the strongest match, or offer namesakes only when nobody better
     * is known (the popup, lib/popup/rank-people.ts). Their ids are looked up alongside the other keys, and only
     * then the contacts: on the popup's open path with 100,000 demo contacts, the benchmark's person had 45
     * namesakes at her company, all read and weighed though her email had found her.
     */
    namesakesOnlyAlone?: boolean;
  } = {},
): Promise<Contact[]> {
  const id = identityOf(q);
  const emails = [...id.emails];
  const phones = id.name ? [...id.phones] : [];
  const namesakes = id.nameCompany ? db.contacts.where('nameKey').equals(id.nameCompany) : undefined;
  const alone = opts.namesakesOnlyAlone === true;
  // The look-ups at once (one round trip to the database, not several in a row), ranked after.
  const [lists, namesakeIds] = await Promise.all([
    Promise.all([
      Promise.all(emails.map((e) => db.contacts.where('emails').equals(e).toArray())).then((l) => l.flat()),
      id.linkedin ? db.contacts.where('linkedinKey').equals(id.linkedin).toArray() : [],
      phones.length ? contactsByPhone(db, phones, q.name ?? '') : [],
      namesakes && !alone ? namesakes.toArray() : [],
    ]),
    namesakes && alone ? namesakes.primaryKeys() : [],
  ]);
  const found = new Map<string, { contact: Contact; rank: number }>();
  const weigh = (list: readonly (Contact | undefined)[]) => {
    for (const c of list) {
      if (!c || found.has(c.id) || !isLive(c)) continue;
      const e = evidence(contactIdentity(c), id);
      if (isSamePerson(e)) found.set(c.id, { contact: c, rank: evidenceRank(e) });
    }
  };
  for (const list of lists) weigh(list);
  if (!found.size && namesakeIds.length) weigh(await db.contacts.bulkGet(namesakeIds));
  return [...found.values()].sort((a, b) => a.rank - b.rank).map((f) => f.contact);
}

export async function findContact(db: ProspectorDb, q: ContactLookup): Promise<Contact | undefined> {
  return (await findContacts(db, q))[0];
}

/** A stored contact's identity, taking its stored LinkedIn key when its links lack the profile. */
export function contactIdentity(c: Contact) {
  const id = identityOf(c);
  return id.linkedin || !c.linkedinKey ? id : { ...id, linkedin: c.linkedinKey };
}

/**
 * Live contacts with any of these phone keys and this name (the contact index lists live contacts' phones and
 * name words only). A phone matches only with the same name (isSamePerson), and a contact with the same name
 * has every word of it in its index row: so only the rows on the number holding all the name's words are read
 * as contacts. On a switchboard number shared by a whole team that is the one person, or nobody.
 *
 * The index rows on the number are read whole (one request per key; Dexie's anyOf walks a cursor, one round
 * trip to the database per entry: 4 ms for a line shared by 60). A line on more rows than that is narrowed
 * through the words' index instead, the words read together.
 */
async function contactsByPhone(db: ProspectorDb, phoneKeys: string[], name: string): Promise<(Contact | undefined)[]> {
  const lines = await Promise.all(
    phoneKeys.map((k) =>
      db.contactIndex
        .where('phones')
        .equals(k)
        .limit(LINE_ROWS + 1)
        .toArray(),
    ),
  );
  const words = searchWords(name);
  let ids: Set<string>;
  if (lines.every((rows) => rows.length <= LINE_ROWS)) {
    ids = new Set(
      lines
        .flat()
        .filter((row) => words.every((w) => row.words.includes(w)))
        .map((row) => row.id),
    );
  } else {
    const [onLine, named] = await Promise.all([
      Promise.all(phoneKeys.map((k) => db.contactIndex.where('phones').equals(k).primaryKeys())),
      Promise.all(words.map((word) => db.contactIndex.where('words').equals(word).primaryKeys())),
    ]);
    ids = new Set<string>(onLine.flat());
    for (const keys of named) {
      const withWord = new Set<string>(keys);
      ids = new Set([...ids].filter((id) => withWord.has(id)));
    }
  }
  return ids.size ? db.contacts.bulkGet([...ids].slice(0, MAX_BY_PHONE)) : [];
}
/** Index rows read whole for one number; a line on more is narrowed through the words' index. */
const LINE_ROWS = 500;
const MAX_BY_PHONE = 200;
