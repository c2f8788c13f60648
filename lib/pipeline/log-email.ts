import type { ProspectorDb } from '../db/database';
import { emailKey } from '../identity/keys';
import { type Activity, newActivity, payloadSize } from '../model/activity';
import type { RawThread, ThreadLogResult, ThreadPerson } from '../model/email-thread';
import { MAX_PAYLOAD } from '../model/limits';
import { findContact } from './find-contact';
import { parseMailDate } from './mail-date';
import { refreshBantSuggestions } from './suggest-bant';

/** One message as logged on a contact's timeline (an `email-logged` activity's `messages`). */
export interface LoggedMessage {
  /** threadId, date and sender: the same message logged again is recognised by it. */
  key: string;
  from: ThreadPerson | null;
  /** When it was sent (null: the page's date could not be read; `date` keeps the text). */
  at: number | null;
  date: string;
  text: string;
  /** Sent by the rep (the signed-in account): not the prospect's words, so BANT does not read it. */
  mine: boolean;
  /** Sent by the contact this entry is on: only their own words say they decide (BANT authority). */
  byContact?: boolean;
}

/** The details of an `email-logged` activity. */
export interface EmailLogged {
  threadId: string;
  url: string;
  site: string;
  subject: string;
  /** The newest message's time (null when no date could be read). */
  date: number | null;
  participants: ThreadPerson[];
  /** The messages new since the thread was last logged on this contact, oldest first. */
  messages: LoggedMessage[];
}

/** The newest messages kept per entry, and the people listed: an activity's details stay under MAX_PAYLOAD. */
const KEEP_MESSAGES = 20;
const KEEP_PEOPLE = 40;

const clean = (s: string, max: number) => s.replace(/\s+/g, ' ').trim().slice(0, max);

/** Only web links are kept as the way back to the thread. */
export function safeThreadUrl(url: string): string {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : '';
  } catch {
    return '';
  }
}

function person(p: ThreadPerson | null): ThreadPerson | null {
  const email = p ? emailKey(p.email) : '';
  return p && email.includes('@') ? { name: clean(p.name, 200), email } : null;
}

/** The thread as it is logged: addresses normalised, dates read, each message keyed, the rep's marked. */
export function loggedMessages(thread: RawThread): { messages: LoggedMessage[]; people: ThreadPerson[] } {
  const self = new Set(thread.self.map(emailKey).filter(Boolean));
  const locale = thread.lang.toLowerCase().startsWith('id') ? 'id' : 'en';
  const people = new Map<string, ThreadPerson>();
  const add = (p: ThreadPerson | null) => {
    if (p && !self.has(p.email) && (!people.has(p.email) || !people.get(p.email)!.name)) people.set(p.email, p);
  };
  const seen = new Set<string>();
  const messages: LoggedMessage[] = [];
  for (const m of thread.messages) {
    const from = person(m.from);
    add(from);
    for (const r of m.to) add(person(r));
    const at = parseMailDate(m.date, locale);
    const key = `${thread.threadId}|${at ?? clean(m.date, 100)}|${from?.email ?? ''}`;
    // Gmail can show a message twice (its collapsed line and its expanded body): the body wins.
    const text = clean(m.text, 600);
    const dup = seen.has(key) ? messages.findIndex((x) => x.key === key) : -1;
    if (dup >= 0) {
      if (text.length > messages[dup]!.text.length) messages[dup] = { ...messages[dup]!, text };
      continue;
    }
    seen.add(key);
    messages.push({ key, from, at, date: clean(m.date, 100), text, mine: !!from && self.has(from.email) });
  }
  return { messages, people: [...people.values()] };
}

/** The message keys of a thread already logged on a contact (their `email-logged` entries). */
async function loggedKeys(db: ProspectorDb, contactId: string, threadId: string): Promise<Set<string>> {
  const keys = new Set<string>();
  await db.activities
    .where('[contactId+at]')
    .between([contactId, -Infinity], [contactId, Infinity])
    .filter((a) => a.type === 'email-logged' && a.payload.threadId === threadId)
    .each((a) => {
      for (const m of (a.payload.messages as LoggedMessage[] | undefined) ?? []) keys.add(m.key);
    });
  return keys;
}

/** An entry's details, the oldest messages dropped first if it would not fit in an activity. */
function entry(
  thread: RawThread,
  people: ThreadPerson[],
  fresh: LoggedMessage[],
  theirs: ReadonlySet<string>,
): EmailLogged {
  const messages = fresh.slice(-KEEP_MESSAGES).map((m) => ({ ...m, byContact: !!m.from && theirs.has(m.from.email) }));
  const dates = messages.map((m) => m.at).filter((at) => at !== null);
  const details: EmailLogged = {
    threadId: thread.threadId,
    url: safeThreadUrl(thread.url),
    site: thread.site,
    subject: clean(thread.subject, 500),
    date: dates.length ? Math.max(...dates) : null,
    participants: people.slice(0, KEEP_PEOPLE),
    messages,
  };
  while (details.messages.length > 1 && payloadSize(details) > MAX_PAYLOAD) details.messages.shift();
  return details;
}

/**
 * Logs an email thread on the timeline of each participant who is in the pipeline (matched by address, as a
 * capture is). Activities only append: each entry holds the messages not logged on that contact before, so
 * logging the same thread twice adds nothing the second time, and a reply that came later is logged on its own.
 * Participants who are not stored are returned for the rep to add (the popup's capture does that); the rep is
 * never one of them. Afterwards the BANT suggestions of the contacts' open deals are refreshed from what was logged.
 */
export async function logThread(db: ProspectorDb, thread: RawThread, now: number): Promise<ThreadLogResult> {
  const { messages, people } = loggedMessages(thread);
  const known = new Map<string, { name: string; emails: Set<string> }>();
  const unknown: ThreadPerson[] = [];
  for (const p of people) {
    const contact = await findContact(db, { name: p.name, emails: [p.email] });
    if (!contact) unknown.push(p);
    else if (known.has(contact.id)) known.get(contact.id)!.emails.add(p.email);
    else known.set(contact.id, { name: contact.name || p.name || p.email, emails: new Set([p.email]) });
  }
  const result: ThreadLogResult = { logged: [], already: [], unknown };
  await db.transaction('rw', [db.contacts, db.activities], async () => {
    for (const [contactId, { name, emails }] of known) {
      const done = await loggedKeys(db, contactId, thread.threadId);
      const fresh = messages.filter((m) => !done.has(m.key));
      if (!fresh.length) {
        result.already.push({ contactId, name });
        continue;
      }
      const details = entry(thread, people, fresh, emails);
      await db.activities.add(
        newActivity(contactId, null, 'email-logged', now, details as unknown as Activity['payload']),
      );
      result.logged.push({ contactId, name });
    }
  });
  for (const { contactId } of result.logged) {
    const open = await db.deals
      .where('contactId')
      .equals(contactId)
      .filter((d) => d.deletedAt === null && d.outcome === null)
      .primaryKeys();
    for (const dealId of open) await refreshBantSuggestions(db, dealId, now).catch(() => undefined);
  }
  return result;
}
