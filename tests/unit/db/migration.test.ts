import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ProspectorDb } from '@/lib/db/database';
import { SCHEMA_V1 } from '@/lib/db/schema';

const T0 = Date.UTC(2026, 0, 5);
const day = 86_400_000;

/** Writes rows the way version 1 stored them (no stageEntries on deals, no followUpAt). */
async function makeV1(name: string) {
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_V1);
  await v1.open();
  const contacts = Array.from({ length: 25 }, (_, i) => ({
    id: `c${i}`,
    name: `Person ${i}`,
    emails: [`p${i}@acme.test`],
    linkedinKey: i % 2 ? `in/p${i}` : '',
    nameKey: `person ${i}|acme`,
    createdAt: T0,
    updatedAt: T0,
    deletedAt: null,
    mergedInto: null,
  }));
  const deals = contacts.map((c, i) => ({
    id: `d${i}`,
    contactId: c.id,
    title: c.name,
    stageId: i < 10 ? 'prospecting' : 'demo',
    currency: 'USD',
    createdAt: T0,
    updatedAt: T0,
  }));
  const activities = deals.slice(10).flatMap((d, i) => [
    {
      id: `a${i}x`,
      contactId: d.contactId,
      dealId: d.id,
      type: 'stage-changed',
      at: T0 + 2 * day,
      payload: { from: 'prospecting', to: 'qualification' },
    },
    {
      id: `a${i}y`,
      contactId: d.contactId,
      dealId: d.id,
      type: 'stage-changed',
      at: T0 + 5 * day,
      payload: { from: 'qualification', to: 'demo' },
    },
  ]);
  const stages = [
    { id: 'prospecting', order: 0 },
    { id: 'qualification', order: 1 },
    { id: 'demo', order: 2 },
  ];
  await v1.table('contacts').bulkAdd(contacts);
  await v1.table('deals').bulkAdd(deals);
  await v1.table('activities').bulkAdd(activities);
  await v1.table('stages').bulkAdd(stages);
  v1.close();
  return { contacts, deals, activities, stages };
}

describe('database migration', () => {
  it('opens a version 1 database and keeps every row, rebuilding deals’ stage history', async () => {
    const name = `migrate-${Math.random()}`;
    const before = await makeV1(name);
    const db = new ProspectorDb(name);
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.contacts.count()).toBe(before.contacts.length);
    expect(await db.deals.count()).toBe(before.deals.length);
    expect(await db.activities.count()).toBe(before.activities.length);
    expect(await db.stages.count()).toBe(before.stages.length);
    for (const c of before.contacts) expect(await db.contacts.get(c.id)).toMatchObject(c);

    const neverMoved = await db.deals.get('d0');
    expect(neverMoved?.stageEntries).toEqual([{ stageId: 'prospecting', at: T0 }]);
    expect(neverMoved?.followUpAt).toBeNull();
    const moved = await db.deals.get('d12');
    expect(moved?.stageEntries).toEqual([
      { stageId: 'prospecting', at: T0 },
      { stageId: 'qualification', at: T0 + 2 * day },
      { stageId: 'demo', at: T0 + 5 * day },
    ]);
    // The new indexes answer queries on migrated rows.
    expect(await db.deals.where('followUpAt').equals(0).count()).toBe(0);
    expect(await db.contacts.where('emails').equals('p3@acme.test').count()).toBe(1);
    db.close();
  });
});
