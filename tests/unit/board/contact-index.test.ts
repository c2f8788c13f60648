import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { contactIndexRow, searchWords } from '@/lib/db/contact-index';
import { phoneKey } from '@/lib/identity/keys';
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

describe('deal index (the board’s compact copy)', () => {
  it('packs what a card shows (BANT confirmations too) and unpacks it unchanged; deleted deals leave the stage index', async () => {
    const { makeDeal } = await import('./factory');
    const { boardDeal, dealIndexRow, toBoardDeal } = await import('@/lib/db/deal-index');
    const deal = makeDeal('d1', 'c1', 'demo', {
      amount: 12_300,
      currency: 'IDR',
      probability: 0.3,
      owner: 'Ayu',
      source: 'linkedin',
      expectedClose: '2026-12-01',
      followUpAt: at + 5,
      stageEntries: [
        { stageId: 'lead', at },
        { stageId: 'demo', at: at + 7 },
      ],
      bant: {
        budget: { level: 3, note: 'x', confirmed: true },
        authority: { level: 1, note: '', confirmed: false },
        need: { level: 2, note: '', confirmed: false },
        timeline: { level: 0, note: '', confirmed: false },
      },
    });
    expect(toBoardDeal(deal)).toEqual({
      id: 'd1',
      contactId: 'c1',
      title: 'Deal d1',
      stageId: 'demo',
      amount: 12_300,
      currency: 'IDR',
      probability: 0.3,
      owner: 'Ayu',
      source: 'linkedin',
      expectedClose: '2026-12-01',
      followUpAt: at + 5,
      enteredAt: at + 7,
      updatedAt: deal.updatedAt,
      bant: {
        budget: { level: 3, note: '', confirmed: true },
        authority: { level: 1, note: '', confirmed: false },
        need: { level: 2, note: '', confirmed: false },
        timeline: { level: 0, note: '', confirmed: false },
      },
      outcome: null,
      deletedAt: null,
    });
    expect(dealIndexRow({ ...deal, deletedAt: at }).stageId).toBeUndefined();
    expect(boardDeal(dealIndexRow({ id: 'bare' })).contactId).toBe('');

    const db = await freshDb();
    await db.deals.bulkAdd([deal, makeDeal('d2', 'c2', 'demo')]);
    expect(await db.dealIndex.where('stageId').equals('demo').primaryKeys()).toEqual(['d1', 'd2']);
    await db.deals.update('d2', { stageId: 'won' });
    await db.deals.update('d1', { deletedAt: at });
    expect(await db.dealIndex.where('stageId').equals('demo').count()).toBe(0);
    expect(await db.dealIndex.where('stageId').equals('won').primaryKeys()).toEqual(['d2']);
    await db.deals.clear();
    expect(await db.dealIndex.count()).toBe(0);
  });
});

describe('card formatting', () => {
  it('formats amounts exactly as formatMoney does, with cached formatters', async () => {
    const { formatAmount, formatShortDate } = await import('@/components/board/format');
    const { formatMoney } = await import('@/lib/i18n/money');
    const { setLocale } = await import('@/lib/i18n');
    for (const locale of ['en', 'id'] as const) {
      setLocale(locale);
      for (const [minor, cur] of [
        [123_456, 'USD'],
        [5_000_000_00, 'IDR'],
        [1234, 'JPY'],
        [1234, 'KWD'],
      ] as const) {
        expect(formatAmount(minor, cur)).toBe(formatMoney(minor, cur));
        expect(formatAmount(minor, cur, true)).toBe(formatMoney(minor, cur, { compact: true }));
      }
    }
    setLocale('en');
    expect(formatShortDate(new Date(2026, 10, 28).getTime(), new Date(2026, 0, 1).getTime())).toBe('Nov 28');
    expect(formatShortDate(new Date(2025, 10, 28).getTime(), new Date(2026, 0, 1).getTime())).toBe('Nov 28, 2025');
  });
});
