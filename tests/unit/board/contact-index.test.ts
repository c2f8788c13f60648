import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { contactIndexRow, phoneKey, searchWords } from '@/lib/db/contact-index';
import type { Contact } from '@/lib/model';
import { freshDb } from '../helpers';

const at = Date.UTC(2026, 10, 2);
function contact(id: string, over: Partial<Contact> = {}): Contact {
  return {
    id,
    name: 'Dewi Lestari',
    givenName: '',
    familyName: '',
    jobTitle: '',
    company: 'PT Nusantara Logistics',
    companyDomain: '',
    emails: ['dewi.lestari@nusantara.test'],
    phones: ['+62 (21) 555-0199'],
    urls: { other: [] },
    location: '',
    tags: [],
    notes: '',
    source: { url: 'https://x.test', site: 'web', capturedAt: at },
    provenance: {},
    editedFields: [],
    nameKey: '',
    linkedinKey: '',
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    mergedInto: null,
    ...over,
  };
}

describe('contact search index', () => {
  it('folds words of name, company and emails; keys phones by their last digits', () => {
    expect(searchWords('  Ádám  O’Brien-Smith ')).toEqual(['adam', 'o', 'brien', 'smith']);
    expect(phoneKey('+62 (21) 555-0199')).toBe('215550199');
    expect(phoneKey('021 555 0199')).toBe(phoneKey('+62 21 555 0199'));
    expect(phoneKey('12-34')).toBe('');
    const row = contactIndexRow(contact('c1'));
    expect(row.words).toEqual(['dewi', 'lestari', 'pt', 'nusantara', 'logistics', 'test']);
    expect(row.sortName).toBe('dewi lestari');
    expect(row.sortCompany).toBe('pt nusantara logistics');
    expect(row.phones).toEqual(['215550199']);
  });

  it('leaves deleted and merged contacts out of search and order', () => {
    expect(contactIndexRow(contact('c1', { deletedAt: at }))).toEqual({ id: 'c1', words: [], phones: [] });
    expect(contactIndexRow(contact('c1', { mergedInto: 'c2' })).sortName).toBeUndefined();
    // A contact without a name sorts by its email.
    expect(contactIndexRow(contact('c1', { name: '' })).sortName).toBe('dewi lestari nusantara test');
  });

  it('is kept current by every write to contacts: add, put, modify, delete, clear', async () => {
    const db = await freshDb();
    await db.contacts.bulkAdd([
      contact('c1'),
      contact('c2', { name: 'Budi Santoso', company: 'Acme', emails: ['budi@acme.test'] }),
    ]);
    const find = (prefix: string) => db.contactIndex.where('words').startsWith(prefix).primaryKeys();
    expect(await find('nusa')).toEqual(['c1']);
    expect(await find('budi')).toEqual(['c2']);
    await db.contacts.put(contact('c2', { name: 'Budi Santoso', company: 'Globex', emails: [] }));
    expect(await find('acme')).toEqual([]);
    expect(await find('glob')).toEqual(['c2']);
    await db.contacts.update('c1', { deletedAt: at + 1 });
    expect(await find('nusa')).toEqual([]);
    expect(await db.contactIndex.orderBy('sortName').primaryKeys()).toEqual(['c2']);
    await db.contacts.where('id').equals('c1').modify({ deletedAt: null });
    expect(await find('nusa')).toEqual(['c1']);
    await db.contacts.delete('c1');
    expect(await db.contactIndex.get('c1')).toBeUndefined();
    await db.contacts.clear();
    expect(await db.contactIndex.count()).toBe(0);
  });

  it('rolls back with the contact write when the transaction fails', async () => {
    const db = await freshDb();
    await expect(
      db.transaction('rw', db.contacts, async () => {
        await db.contacts.add(contact('c1'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.contactIndex.count()).toBe(0);
  });

  it('wakes live queries that read the index', async () => {
    const db = await freshDb();
    const seen: string[][] = [];
    const sub = liveQuery(() => db.contactIndex.where('words').startsWith('dewi').primaryKeys()).subscribe((v) =>
      seen.push(v as string[]),
    );
    await expect.poll(() => seen.length).toBe(1);
    await db.contacts.add(contact('c9'));
    await expect.poll(() => seen.at(-1)).toEqual(['c9']);
    sub.unsubscribe();
  });
});
