import { describe, expect, it } from 'vitest';
import { moveContactsToStage, tagContacts } from '@/lib/pipeline/bulk';
import { AT, makeContact, makeDeal, seedPeople } from '../board/factory';
import { freshDb } from '../helpers';

const defaults = { currency: 'IDR', owner: 'Ayu' };

describe('bulk actions on selected contacts', () => {
  it('moves every live deal of the selection, records each move, and gives deal-less contacts a deal', async () => {
    const db = await freshDb();
    await seedPeople(db, ['a', 'b']);
    await db.deals.add(makeDeal('b2', 'b', 'demo'));
    await db.deals.add(makeDeal('gone', 'b', 'qualification', { deletedAt: AT }));
    await db.contacts.add(makeContact('solo', { company: 'Globex' }));
    const res = await moveContactsToStage(db, ['a', 'b', 'solo'], 'demo', AT + 1, defaults);
    expect(res).toEqual({ moved: 2, created: 1 });
    expect((await db.deals.get('da'))?.stageEntries.at(-1)).toEqual({ stageId: 'demo', at: AT + 1 });
    expect((await db.deals.get('gone'))?.stageId).toBe('qualification');
    const created = await db.deals.where('contactId').equals('solo').first();
    expect(created).toMatchObject({
      stageId: 'demo',
      currency: 'IDR',
      owner: 'Ayu',
      title: 'Globex',
      source: 'manual',
    });
    const moves = await db.activities.where('type').equals('stage-changed').toArray();
    expect(moves.map((m) => m.payload).sort((x, y) => String(x.from).localeCompare(String(y.from)))).toEqual([
      { from: 'prospecting', to: 'demo' },
      { from: 'prospecting', to: 'demo' },
    ]);
    await expect(moveContactsToStage(db, ['a'], 'nowhere', AT, defaults)).rejects.toMatchObject({
      parts: [{ key: 'error_noStage' }],
    });
  });

  it('adds a tag once (any case) and removes it', async () => {
    const db = await freshDb();
    await seedPeople(db, ['a', 'b']);
    await db.contacts.update('b', { tags: ['VIP'] });
    expect(await tagContacts(db, ['a', 'b'], ' vip ', false, AT)).toBe(1);
    expect((await db.contacts.get('a'))?.tags).toEqual(['vip']);
    expect((await db.contacts.get('b'))?.tags).toEqual(['VIP']);
    expect(await tagContacts(db, ['a', 'b'], 'Vip', true, AT)).toBe(2);
    expect(await db.contacts.where('tags').anyOf('vip', 'VIP').count()).toBe(0);
    await expect(tagContacts(db, ['a'], '  ', false, AT)).rejects.toMatchObject({ parts: [{ key: 'error_tagEmpty' }] });
  });
});
