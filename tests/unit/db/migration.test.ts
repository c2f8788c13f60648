import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ProspectorDb } from '@/lib/db/database';
import { SCHEMA_V1, SCHEMA_V2 } from '@/lib/db/schema';

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
    expect(db.verno).toBe(3);
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
    // v3: every contact is in the search index.
    expect(await db.contactIndex.count()).toBe(before.contacts.length);
    expect(await db.contactIndex.where('words').startsWith('person').count()).toBe(before.contacts.length);
    expect(await db.dealIndex.where('stageId').equals('demo').count()).toBe(15);
    db.close();
  });

  it('opens a version 2 database and keeps every row, indexing contacts for search and soft deletes', async () => {
    const name = `migrate-v2-${Math.random()}`;
    const v2 = new Dexie(name);
    v2.version(2).stores(SCHEMA_V2);
    await v2.open();
    const contacts = Array.from({ length: 30 }, (_, i) => ({
      id: `c${i}`,
      name: i === 3 ? 'Dewi Lestari' : `Person ${i}`,
      company: i === 3 ? 'PT Nusantara Logistics' : 'Acme',
      emails: [`p${i}@acme.test`],
      phones: i === 3 ? ['+62 21 555 0199'] : [],
      tags: i % 3 ? [] : ['vip'],
      linkedinKey: '',
      nameKey: '',
      createdAt: T0 + i,
      updatedAt: T0 + i,
      deletedAt: i === 7 ? T0 + day : null,
      mergedInto: i === 8 ? 'c9' : null,
    }));
    const deals = contacts.map((c, i) => ({
      id: `d${i}`,
      contactId: c.id,
      title: c.name,
      stageId: 'prospecting',
      currency: 'USD',
      stageEntries: [{ stageId: 'prospecting', at: T0 }],
      followUpAt: i === 2 ? T0 + day : null,
      createdAt: T0,
      updatedAt: T0,
      deletedAt: i === 7 ? T0 + day : null,
    }));
    const activities = deals.map((d, i) => ({
      id: `a${i}`,
      contactId: d.contactId,
      dealId: d.id,
      type: 'captured',
      at: T0,
      payload: {},
    }));
    await v2.table('contacts').bulkAdd(contacts);
    await v2.table('deals').bulkAdd(deals);
    await v2.table('activities').bulkAdd(activities);
    await v2.table('stages').bulkAdd([{ id: 'prospecting', order: 0 }]);
    v2.close();

    const db = new ProspectorDb(name);
    await db.open();
    expect(db.verno).toBe(3);
    for (const c of contacts) expect(await db.contacts.get(c.id)).toEqual(c);
    for (const d of deals) expect(await db.deals.get(d.id)).toEqual(d);
    expect(await db.activities.count()).toBe(activities.length);
    expect(await db.stages.count()).toBe(1);
    // The new indexes answer on migrated rows: search by name/company/email prefix, live order, soft deletes.
    expect(await db.contactIndex.where('words').startsWith('nusant').primaryKeys()).toEqual(['c3']);
    expect(await db.contactIndex.where('words').equals('lestari').primaryKeys()).toEqual(['c3']);
    expect(await db.contactIndex.where('phones').equals('215550199').primaryKeys()).toEqual(['c3']);
    expect(await db.contactIndex.orderBy('sortName').count()).toBe(28);
    expect(await db.contacts.where('deletedAt').above(0).primaryKeys()).toEqual(['c7']);
    expect(await db.deals.where('deletedAt').above(0).primaryKeys()).toEqual(['d7']);
    // The board's deal index lists live deals only.
    expect(await db.dealIndex.where('stageId').equals('prospecting').count()).toBe(29);
    db.close();
  });
});
