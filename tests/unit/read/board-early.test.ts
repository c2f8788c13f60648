import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ProspectorDb } from '@/lib/db/database';
import { DB_VERSION } from '@/lib/db/names';
import { SCHEMA_V3 } from '@/lib/db/schema';
import { readBoardEarly } from '@/lib/read/board-early';
import { AT, makeContact, makeDeal } from '../board/factory';
import { freshDb } from '../helpers';

async function seeded() {
  const db = await freshDb();
  await db.contacts.bulkAdd(['a', 'b', 'c', 'd'].map((id) => makeContact(id)));
  // Entered their stage at different times: the board's default order is longest in the stage first.
  const entered = (stageId: string, at: number) => ({ stageEntries: [{ stageId, at }] });
  await db.deals.bulkAdd([
    makeDeal('d1', 'a', 'prospecting', { amount: 100, ...entered('prospecting', AT + 3) }),
    makeDeal('d2', 'b', 'prospecting', { amount: 200, ...entered('prospecting', AT + 1) }),
    makeDeal('d3', 'c', 'prospecting', { ...entered('prospecting', AT + 2) }),
    makeDeal('d4', 'd', 'won', { outcome: 'won', closedAt: AT, ...entered('won', AT) }),
  ]);
  return db;
}

describe('the board read before the page’s code has loaded', () => {
  it('reads each open column’s first cards in the default order, their contacts and every stage’s totals', async () => {
    const db = await seeded();
    const early = await readBoardEarly('#board', 2, db.name);
    expect(early).not.toBeNull();
    expect(early!.stages.map((s) => s.id)).toEqual((await db.stages.orderBy('order').toArray()).map((s) => s.id));
    expect(early!.byStage.get('prospecting')!.map((r) => r.id)).toEqual(['d2', 'd3']);
    expect(early!.byStage.has('won')).toBe(false); // collapsed: its count comes from its totals
    expect([...early!.contacts.keys()].sort()).toEqual(['b', 'c']);
    expect(early!.contacts.get('b')?.name).toBe('Person b');
    expect(early!.totals).toEqual(await db.stageTotals.toArray());
    // A closed column opened in the URL is read too.
    expect((await readBoardEarly('#board?open=won', 5, db.name))!.byStage.get('won')!.map((r) => r.id)).toEqual(['d4']);
    db.close();
  });

  it('leaves anything but the plain board to the page (filters, another order, another view)', async () => {
    const db = await seeded();
    for (const hash of ['#board?q=person', '#board?sort=amount', '#board?owner=Ayu', '#contacts', '#forecast'])
      expect(await readBoardEarly(hash, 5, db.name), hash).toBeNull();
    expect(await readBoardEarly('', 5, db.name)).not.toBeNull(); // the board is the default view
    db.close();
  });

  it('creates nothing when there is no database, and never upgrades an older one (Dexie does)', async () => {
    const missing = `early-missing-${Math.random()}`;
    expect(await readBoardEarly('#board', 5, missing)).toBeNull();
    expect((await Dexie.getDatabaseNames()).includes(missing)).toBe(false);

    const older = `early-v3-${Math.random()}`;
    const v3 = new Dexie(older);
    v3.version(3).stores(SCHEMA_V3);
    await v3.open();
    v3.close();
    expect(await readBoardEarly('#board', 5, older)).toBeNull();
    const db = new ProspectorDb(older);
    await db.open(); // the upgrade still runs, unblocked
    expect(db.verno).toBe(DB_VERSION);
    expect(await db.stageTotals.count()).toBe(0);
    db.close();
  });
});
