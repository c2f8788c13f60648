import type { ProspectorDb } from '../db/database';
import type { Contact, Deal } from '../model';
import { followUpState, startOfNextDay } from '../pipeline/filters';

export interface FollowUpItem {
  deal: Deal;
  contact: Contact;
  state: 'overdue' | 'today';
}

/**
 * Follow-ups due today or overdue on live deals, oldest first, with their contacts: what the Follow-ups view
 * lists. One indexed range read (followUpAt before tomorrow).
 */
export async function followUpsDue(db: ProspectorDb, now: number): Promise<FollowUpItem[]> {
  const deals = await db.deals
    .where('followUpAt')
    .below(startOfNextDay(now))
    .filter((d) => d.deletedAt === null)
    .toArray();
  const contacts = await db.contacts.bulkGet(deals.map((d) => d.contactId));
  const items: FollowUpItem[] = [];
  deals.forEach((deal, i) => {
    const contact = contacts[i];
    if (!contact || contact.deletedAt !== null) return;
    items.push({ deal, contact, state: followUpState(deal.followUpAt, now) === 'overdue' ? 'overdue' : 'today' });
  });
  return items;
}

/** Live deals whose follow-up fell due in (from, to]: what a reminder check notifies about. */
export async function followUpsDueBetween(db: ProspectorDb, from: number, to: number): Promise<Deal[]> {
  if (to <= from) return [];
  return db.deals
    .where('followUpAt')
    .between(from, to, false, true)
    .filter((d) => d.deletedAt === null)
    .toArray();
}

/** When the next follow-up after `now` falls due (live deals), or null when none is set. */
export async function nextFollowUpAt(db: ProspectorDb, now: number): Promise<number | null> {
  const next = await db.deals
    .where('followUpAt')
    .above(now)
    .filter((d) => d.deletedAt === null)
    .first();
  return next?.followUpAt ?? null;
}
