import type { ProspectorDb } from '../db/database';
import { isLive } from '../identity/live';
import type { Contact, Deal } from '../model';
import { csvRows, toCsv } from './csv-export';
import { contactsToVcard } from './vcard-export';

const PAGE = 1000;

/**
 * Visits every live contact a page at a time (by primary key), with its deals, inside one read transaction: a
 * consistent snapshot, and each page's work is a short task of its own.
 */
async function eachPage(
  db: ProspectorDb,
  visit: (contacts: Contact[], deals: Map<string, Deal[]>) => void,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  await db.transaction('r', [db.contacts, db.deals], async () => {
    const total = await db.contacts.count();
    let last: string | null = null;
    let done = 0;
    for (;;) {
      const page: Contact[] = await (last === null ? db.contacts.orderBy(':id') : db.contacts.where(':id').above(last))
        .limit(PAGE)
        .toArray();
      if (!page.length) break;
      const deals = await db.deals
        .where('contactId')
        .anyOf(page.map((c) => c.id))
        .toArray();
      const byContact = new Map<string, Deal[]>();
      for (const d of deals.sort((a, b) => a.createdAt - b.createdAt)) {
        const list = byContact.get(d.contactId);
        if (list) list.push(d);
        else byContact.set(d.contactId, [d]);
      }
      // Demo contacts never leave the extension: they are practice, not prospects.
      const live = page.filter((c) => isLive(c) && !c.demo);
      visit(live, byContact);
      last = page.at(-1)!.id;
      done += page.length;
      onProgress?.(done, total);
    }
  });
}

/** Every contact and deal as CSV parts (for a Blob): header first, then one part per page of contacts. */
export async function exportAllCsv(db: ProspectorDb, onProgress?: (done: number, total: number) => void) {
  const stages = new Map((await db.stages.toArray()).map((s) => [s.id, s]));
  // (Papa Parse ends a header-only table with a line break already.)
  const parts: string[] = [`${toCsv([], true).replace(/\r\n$/, '')}\r\n`];
  await eachPage(
    db,
    (contacts, deals) => {
      const rows = csvRows(contacts, deals, stages);
      if (rows.length) parts.push(`${toCsv(rows, false)}\r\n`);
    },
    onProgress,
  );
  return parts;
}

/** Every live contact as vCard 4.0 parts. */
export async function exportAllVcard(db: ProspectorDb, onProgress?: (done: number, total: number) => void) {
  const parts: string[] = [];
  await eachPage(db, (contacts) => parts.push(contactsToVcard(contacts)), onProgress);
  return parts;
}
