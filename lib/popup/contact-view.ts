import type { ProspectorDb } from '../db/database';
import type { Activity, Contact, Deal } from '../model';
import type { EmailText } from '../pipeline/bant-from-text';
import { EMAILS_READ, emailTexts } from '../pipeline/suggest-bant';

/** Everything the popup shows about one known contact. Read with indexed queries only (100,000 contacts). */
export interface ContactView {
  contact: Contact;
  /** Open deals first (the next close first), then closed ones (the latest first). */
  deals: Deal[];
  lastActivity: Activity | null;
  latestNote: Activity | null;
  /** Texts of the newest notes, newest first: evidence for the Need suggestion. */
  noteTexts: string[];
  /** What the prospect wrote in logged email threads, newest first: evidence for every BANT part. */
  emailTexts: EmailText[];
}

/** Display order of a contact's deals: open ones first, soonest expected close first; then the latest closed. */
export function orderDeals(deals: readonly Deal[]): Deal[] {
  const open = deals.filter((d) => d.outcome === null);
  const closed = deals.filter((d) => d.outcome !== null);
  open.sort(
    (a, b) => (a.expectedClose ?? '9999').localeCompare(b.expectedClose ?? '9999') || b.updatedAt - a.updatedAt,
  );
  closed.sort((a, b) => (b.closedAt ?? b.updatedAt) - (a.closedAt ?? a.updatedAt));
  return [...open, ...closed];
}

const NOTES_READ = 20;
/** The newest activities read in one request; most contacts have fewer, so the timeline is read in one go. */
const FIRST_PAGE = 60;

/**
 * The contact's newest activity, newest notes and newest logged emails. The newest FIRST_PAGE activities come in
 * one request (an index range read newest first with getAll, where the browser can: Dexie uses its `direction`
 * option), which is all of them for most contacts; a cursor walk, one round trip to the database per activity,
 * cost the popup's open a few milliseconds even for a contact with three. A longer timeline whose first page
 * holds too few notes or emails goes on with the cursor from the start, stopping once it holds enough.
 */
async function newestActivities(db: ProspectorDb, contactId: string) {
  const timeline = db.activities.where('[contactId+at]').between([contactId, -Infinity], [contactId, Infinity]);
  const first = await timeline.clone().reverse().limit(FIRST_PAGE).toArray();
  const picked = pick(first);
  if (first.length < FIRST_PAGE || (picked.notes.length >= NOTES_READ && picked.emails.length >= EMAILS_READ))
    return picked;
  const notes: Activity[] = [];
  const emails: Activity[] = [];
  await timeline
    .reverse()
    .until(() => notes.length >= NOTES_READ && emails.length >= EMAILS_READ)
    .each((a) => {
      if (a.type === 'note' && notes.length < NOTES_READ) notes.push(a);
      if (a.type === 'email-logged' && emails.length < EMAILS_READ) emails.push(a);
    });
  return { last: picked.last, notes, emails };
}

/** The newest activity, and the newest notes and logged emails (up to what the popup reads) of a timeline page. */
function pick(newestFirst: readonly Activity[]) {
  const notes = newestFirst.filter((a) => a.type === 'note').slice(0, NOTES_READ);
  const emails = newestFirst.filter((a) => a.type === 'email-logged').slice(0, EMAILS_READ);
  return { last: newestFirst[0] ?? null, notes, emails };
}

export async function loadContactView(db: ProspectorDb, contactId: string, hops = 0): Promise<ContactView | null> {
  // One read transaction for the three reads instead of one each.
  const [contact, deals, { last, notes, emails }] = await db.transaction(
    'r',
    [db.contacts, db.deals, db.activities],
    () =>
      Promise.all([
        db.contacts.get(contactId),
        db.deals.where('contactId').equals(contactId).toArray(),
        newestActivities(db, contactId),
      ]),
  );
  // A contact merged into another (while the popup was open) is shown as the one it became.
  if (contact?.mergedInto && hops < 3) return loadContactView(db, contact.mergedInto, hops + 1);
  if (!contact || contact.deletedAt !== null) return null;
  return {
    contact,
    deals: orderDeals(deals.filter((d) => d.deletedAt === null)),
    lastActivity: last,
    latestNote: notes[0] ?? null,
    noteTexts: notes.map((a) => (typeof a.payload.text === 'string' ? a.payload.text : '')).filter(Boolean),
    emailTexts: emails.flatMap(emailTexts),
  };
}
