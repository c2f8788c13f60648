import type { ProspectorDb } from '../db/database';
import type { Contact, Deal } from '../model';
import { type ContactSort, liveContactIds, searchContactIds } from '../pipeline/contact-search';
import { leadsOnly } from '../pipeline/leads';
import type { StoreName } from './watch';

/** One contact by id, or undefined (deleted rows included: the caller decides). */
export function contactById(db: ProspectorDb, id: string): Promise<Contact | undefined> {
  return db.contacts.get(id);
}

export interface TableFilter {
  q: string;
  sort: ContactSort;
  desc: boolean;
  /** Only contacts without an open or closed deal. */
  leads: boolean;
}

/** The ids of the contacts table's rows, in order: live contacts matching the search (and only leads if asked). */
export async function tableContactIds(db: ProspectorDb, f: TableFilter): Promise<string[]> {
  const [ordered, found] = await Promise.all([liveContactIds(db, f.sort, f.desc), searchContactIds(db, f.q)]);
  const matching = found ? ordered.filter((id) => found.has(id)) : ordered;
  return f.leads ? leadsOnly(db, matching) : matching;
}

/** The stores tableContactIds reads: a write to one of them re-reads the table's ids. */
export function tableStores(leads: boolean): StoreName[] {
  return leads ? ['contacts', 'contactIndex', 'deals'] : ['contacts', 'contactIndex'];
}

export interface ContactRow {
  contact: Contact;
  /** Its live deals (deleted ones left out). */
  deals: Deal[];
}

/** These contacts (in the order asked, missing ones left out), each with its live deals. */
export async function contactRows(db: ProspectorDb, ids: readonly string[]): Promise<ContactRow[]> {
  const [contacts, deals] = await Promise.all([
    db.contacts.bulkGet([...ids]),
    db.deals
      .where('contactId')
      .anyOf([...ids])
      .toArray(),
  ]);
  const byContact = new Map<string, Deal[]>();
  for (const d of deals)
    if (d.deletedAt === null) byContact.set(d.contactId, [...(byContact.get(d.contactId) ?? []), d]);
  return contacts
    .filter((c): c is Contact => !!c)
    .map((contact) => ({ contact, deals: byContact.get(contact.id) ?? [] }));
}
