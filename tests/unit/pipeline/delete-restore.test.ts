import { describe, expect, it } from 'vitest';
import { deleteContacts, deletedContacts, restoreContacts } from '@/lib/pipeline/delete-restore';
import { saveStages } from '@/lib/pipeline/stages-edit';
import { AT, makeDeal, seedPeople } from '../board/factory';
import { freshDb } from '../helpers';

describe('soft delete with undo', () => {
  it('deletes contacts with their deals, keeps the rows, and restores both', async () => {
    const db = await freshDb();
    await seedPeople(db, ['a', 'b', 'c']);
    expect(await deleteContacts(db, ['a', 'b', 'nobody'], AT + 1)).toBe(2);
    expect(await deleteContacts(db, ['a'], AT + 2)).toBe(0);
    expect(await db.contacts.count()).toBe(3);
    expect(
      await db.deals
        .where('deletedAt')
        .equals(AT + 1)
        .count(),
    ).toBe(2);
    expect((await deletedContacts(db)).map((c) => c.id).sort()).toEqual(['a', 'b']);
    expect(await db.contactIndex.orderBy('sortName').primaryKeys()).toEqual(['c']);

    expect(await restoreContacts(db, ['a', 'b', 'c'], AT + 3)).toBe(2);
    expect(await db.contacts.where('deletedAt').above(0).count()).toBe(0);
    expect(await db.deals.where('deletedAt').above(0).count()).toBe(0);
    const timeline = await db.activities.where('type').anyOf('deleted', 'restored').toArray();
    expect(timeline.map((x) => `${x.contactId}:${x.type}`).sort()).toEqual([
      'a:deleted',
      'a:restored',
      'b:deleted',
      'b:restored',
    ]);
  });

  it('leaves a deal deleted on its own earlier deleted, and re-homes deals whose stage went away', async () => {
    const db = await freshDb();
    await seedPeople(db, ['a'], 'demo');
    await db.deals.add(makeDeal('old', 'a', 'demo', { deletedAt: AT - 50 }));
    await deleteContacts(db, ['a'], AT);
    const stages = await db.stages.toArray();
    await saveStages(
      db,
      stages.filter((s) => s.id !== 'demo').sort((x, y) => x.order - y.order),
      {},
      AT + 1,
    );
    await restoreContacts(db, ['a'], AT + 2);
    expect((await db.deals.get('old'))?.deletedAt).toBe(AT - 50);
    expect(await db.deals.get('da')).toMatchObject({ deletedAt: null, stageId: 'prospecting' });
  });

  it('does not bring back a merged contact', async () => {
    const db = await freshDb();
    await seedPeople(db, ['a']);
    await db.contacts.update('a', { deletedAt: AT, mergedInto: 'b' });
    expect(await restoreContacts(db, ['a'], AT + 1)).toBe(0);
    expect(await deletedContacts(db)).toEqual([]);
  });
});
