import { describe, expect, it } from 'vitest';
import { boardContactIds, hasLiveDeals, stageDealCount } from '@/lib/read/board';
import { AT, makeContact, seedPeople } from '../board/factory';
import { freshDb } from '../helpers';

describe('the board’s reads (lib/read/board.ts)', () => {
  it('counts a stage’s live deals and says whether any deal is live, from the stored totals', async () => {
    const db = await freshDb();
    expect(await hasLiveDeals(db)).toBe(false);
    expect(await stageDealCount(db, 'prospecting')).toBe(0);
    await seedPeople(db, ['a', 'b', 'c']);
    await seedPeople(db, ['d'], 'demo');
    await db.deals.update('dc', { deletedAt: AT + 1 });
    expect(await stageDealCount(db, 'prospecting')).toBe(2);
    expect(await stageDealCount(db, 'demo')).toBe(1);
    expect(await hasLiveDeals(db)).toBe(true);
    await db.deals.bulkUpdate(['da', 'db', 'dd'].map((key) => ({ key, changes: { deletedAt: AT + 2 } })));
    expect(await hasLiveDeals(db)).toBe(false);
  });

  it('finds the contacts the text search and the tag let through, both when both are set', async () => {
    const db = await freshDb();
    await db.contacts.bulkAdd([
      { ...makeContact('a'), name: 'Dewi Lestari', company: 'Nusantara', tags: ['hot'] },
      { ...makeContact('b'), name: 'Dewi Sartika', company: 'Acme', tags: [] },
      { ...makeContact('c'), name: 'Budi Nusa', company: 'Nusantara', tags: ['hot'] },
    ]);
    expect(await boardContactIds(db, '', '')).toBeNull();
    expect([...(await boardContactIds(db, 'dewi', ''))!].sort()).toEqual(['a', 'b']);
    expect([...(await boardContactIds(db, '', 'hot'))!].sort()).toEqual(['a', 'c']);
    expect([...(await boardContactIds(db, 'dewi', 'hot'))!]).toEqual(['a']);
  });
});
