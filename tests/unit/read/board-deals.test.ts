import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/database';
import { boardColumns, boardDealsById, boardStages, contactsById, watchBoardDeals } from '@/lib/read/board-deals';
import { AT, seedPeople } from '../board/factory';
import { freshDb } from '../helpers';

const settle = () => new Promise((r) => setTimeout(r, 50));

describe('the board’s deal reads (lib/read/board-deals.ts)', () => {
  it('reads whole columns and single deals from the compact deal index; a deleted deal is gone', async () => {
    const db = await freshDb();
    await seedPeople(db, ['a', 'b']);
    await seedPeople(db, ['c'], 'demo');
    expect((await boardStages(db)).map((s) => s.id).slice(0, 2)).toEqual(['prospecting', 'initial_contact']);
    const columns = new Map(await boardColumns(db, ['prospecting', 'demo', 'proposal']));
    expect(
      columns
        .get('prospecting')!
        .map((d) => d.id)
        .sort(),
    ).toEqual(['da', 'db']);
    expect(columns.get('demo')!.map((d) => d.contactId)).toEqual(['c']);
    expect(columns.get('proposal')).toEqual([]);
    await db.deals.update('db', { deletedAt: AT + 1 });
    const [a, b, nobody] = await boardDealsById(db, ['da', 'db', 'nope']);
    expect(a?.stageId).toBe('prospecting');
    expect(b).toBeUndefined();
    expect(nobody).toBeUndefined();
    expect((await contactsById(db, ['a', 'x'])).map((c) => c?.id)).toEqual(['a', undefined]);
  });

  it('hears which deals changed, and nothing once stopped', async () => {
    // The extension's own database (change notices name it), as the board watches it.
    const db = getDb();
    await seedPeople(db, ['wa', 'wb']);
    const heard: (string[] | null)[] = [];
    const stop = watchBoardDeals((ids) => heard.push(ids));
    await db.deals.update('dwa', { stageId: 'demo' });
    await settle();
    expect(heard.flat()).toContain('dwa');
    stop();
    heard.length = 0;
    await db.deals.update('dwb', { stageId: 'demo' });
    await settle();
    expect(heard).toEqual([]);
  });
});
