import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/database';
import { contactById, contactRows, tableContactIds, tableStores } from '@/lib/read/contacts';
import { sortedStages, stagesWithDealCounts } from '@/lib/read/stages';
import { ownersByName, quotasLatestFirst, unsyncedCount } from '@/lib/read/team';
import { readNow, watchRead, watchStores } from '@/lib/read/watch';
import { AT, makeContact, makeDeal, seedPeople } from '../board/factory';
import { freshDb } from '../helpers';

/** Resolves with the first value `watch` gives that passes `ok`, or fails after a while. */
function until<T>(start: (next: (v: T) => void) => () => void, ok: (v: T) => boolean): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no matching value')), 5000);
    const stop = start((v) => {
      if (!ok(v)) return;
      clearTimeout(timer);
      queueMicrotask(() => stop());
      resolve(v);
    });
  });
}

describe('the read layer (lib/read)', () => {
  it('sorted stages come in board order whatever order they were stored in', async () => {
    const db = await freshDb();
    const stored = await db.stages.toArray();
    await db.stages.bulkPut(stored.map((s, i) => ({ ...s, order: stored.length - i })));
    const sorted = await sortedStages(db);
    expect(sorted.map((s) => s.order)).toEqual([...sorted.map((s) => s.order)].sort((a, b) => a - b));
    expect(sorted.map((s) => s.id).sort()).toEqual(stored.map((s) => s.id).sort());
  });

  it('stage counts count live deals only', async () => {
    const db = await freshDb();
    await seedPeople(db, ['a', 'b', 'c']);
    await db.deals.update('dc', { deletedAt: AT + 1 });
    const { stages, counts } = await stagesWithDealCounts(db);
    expect(stages.length).toBeGreaterThan(2);
    expect(counts.get('prospecting')).toBe(2);
  });

  it("the contacts table's ids: live contacts, searched, sorted, leads only when asked", async () => {
    const db = await freshDb();
    await db.contacts.bulkAdd([
      makeContact('a', { name: 'Ani Wijaya' }),
      makeContact('b', { name: 'Budi Santoso' }),
      makeContact('c', { name: 'Citra Ani', deletedAt: AT }),
      makeContact('d', { name: 'Dewi Lestari' }),
    ]);
    await db.deals.add(makeDeal('db', 'b', 'prospecting'));
    const all = { q: '', sort: 'name' as const, desc: false, leads: false };
    expect(await tableContactIds(db, all)).toEqual(['a', 'b', 'd']);
    expect(await tableContactIds(db, { ...all, desc: true })).toEqual(['d', 'b', 'a']);
    expect(await tableContactIds(db, { ...all, q: 'ani' })).toEqual(['a']);
    expect(await tableContactIds(db, { ...all, leads: true })).toEqual(['a', 'd']);
    // Leads depend on deals: the table re-reads when deals change only then.
    expect(tableStores(true)).toContain('deals');
    expect(tableStores(false)).not.toContain('deals');
  });

  it('contact rows keep the order asked, leave out missing contacts and deleted deals', async () => {
    const db = await freshDb();
    await seedPeople(db, ['a', 'b']);
    await db.deals.add(makeDeal('gone', 'a', 'prospecting', { deletedAt: AT }));
    const rows = await contactRows(db, ['b', 'nobody', 'a']);
    expect(rows.map((r) => [r.contact.id, r.deals.map((d) => d.id)])).toEqual([
      ['b', ['db']],
      ['a', ['da']],
    ]);
    expect((await contactById(db, 'a'))?.name).toBe('Person a');
    expect(await contactById(db, 'nobody')).toBeUndefined();
  });

  it('owners by name, quotas latest period first, records waiting for the team server', async () => {
    const db = await freshDb();
    await db.owners.bulkAdd([
      { id: 'o1', name: 'Wati', aliases: [], user: '' },
      { id: 'o2', name: 'Agus', aliases: [], user: '' },
    ]);
    await db.quotas.bulkAdd([
      { id: 'team|2026-Q3', ownerId: null, period: '2026-Q3', amount: 1, currency: 'USD' },
      { id: 'team|2026-Q4', ownerId: null, period: '2026-Q4', amount: 2, currency: 'USD' },
      { id: 'o1|2026-01', ownerId: 'o1', period: '2026-01', amount: 3, currency: 'USD' },
    ]);
    expect((await ownersByName(db)).map((o) => o.name)).toEqual(['Agus', 'Wati']);
    expect((await quotasLatestFirst(db)).map((q) => q.period)).toEqual(['2026-Q4', '2026-Q3', '2026-01']);
    const before = await unsyncedCount(db);
    await db.syncState.bulkPut([
      { docId: 'x', rev: null, dirty: 1, times: {} },
      { docId: 'y', rev: '1-a', dirty: 0, times: {} },
    ]);
    expect(await unsyncedCount(db)).toBe(before + 1);
  });

  it("a watched read answers again when a row it read changes, on the extension's database", async () => {
    const db = getDb();
    await db.contacts.put(makeContact('w', { name: 'Before' }));
    expect((await readNow((d) => contactById(d, 'w')))?.name).toBe('Before');
    const seen = until<string | undefined>(
      (next) =>
        watchRead(
          (d) => contactById(d, 'w').then((c) => c?.name),
          next,
          (err) => {
            throw err;
          },
        ),
      (name) => name === 'After',
    );
    await db.contacts.update('w', { name: 'After' });
    expect(await seen).toBe('After');
  });

  it('watching stores hears writes to those stores and not to others', async () => {
    const db = getDb();
    const heard: string[] = [];
    const stop = watchStores(['deals'], () => heard.push('deals'));
    await db.owners.put({ id: 'o9', name: 'Rina', aliases: [], user: '' });
    await new Promise((r) => setTimeout(r, 50));
    expect(heard).toEqual([]);
    await db.contacts.put(makeContact('s'));
    await db.deals.put(makeDeal('ds', 's', 'prospecting'));
    await new Promise((r) => setTimeout(r, 50));
    expect(heard.length).toBeGreaterThan(0);
    stop();
    heard.length = 0;
    await db.deals.update('ds', { title: 'changed' });
    await new Promise((r) => setTimeout(r, 50));
    expect(heard).toEqual([]);
  });
});
