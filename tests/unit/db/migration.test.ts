import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ProspectorDb } from '@/lib/db/database';
import { boardDeal, type DealIndexRow } from '@/lib/db/deal-index';
import { ENTRIES_AT } from '@/lib/db/forecast-index';
import { DB_VERSION } from '@/lib/db/names';
import {
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V7,
  SCHEMA_V8,
  SCHEMA_V10,
  SCHEMA_V11,
} from '@/lib/db/schema';
import { totalsFromRows } from '@/lib/db/stage-totals';
import { dealTable, dealTableFromRows } from '@/lib/forecast/deal-table';
import { forecastReport } from '@/lib/forecast/forecast-report';
import { nameKey } from '@/lib/identity/keys';
import type { Deal, Stage } from '@/lib/model';
import { findContacts } from '@/lib/pipeline/find-contact';

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
    expect(db.verno).toBe(DB_VERSION);
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
    // v4: every deal has its forecast row, with the stage history rebuilt at v2.
    expect(await db.forecastIndex.count()).toBe(before.deals.length);
    expect((await db.forecastIndex.get('d12'))?.v.slice(ENTRIES_AT)).toEqual([
      'prospecting',
      T0,
      'qualification',
      T0 + 2 * day,
      'demo',
      T0 + 5 * day,
    ]);
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
    expect(db.verno).toBe(DB_VERSION);
    // v5 recomputed the dedupe keys from each row's name and company; every other field is as stored.
    for (const c of contacts)
      expect(await db.contacts.get(c.id)).toEqual({ ...c, nameKey: nameKey(c.name, c.company) });
    expect((await db.contacts.get('c3'))?.nameKey).toBe('dewi lestari|nusantara logistics');
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

  it('declares the version the page reads directly at (lib/db/names.ts), as IndexedDB sees it', async () => {
    const { NATIVE_VERSION } = await import('@/lib/db/names');
    const db = new ProspectorDb(`names-${Math.random()}`);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(db.backendDB().version).toBe(NATIVE_VERSION);
    db.close();
  });

  it('opens a version 3 database and builds the forecast rows, the same rows (and forecast) the deals give now', async () => {
    const name = `migrate-v3-${Math.random()}`;
    const v3 = new Dexie(name);
    v3.version(3).stores(SCHEMA_V3);
    await v3.open();
    const zero = { level: 0, note: '', confirmed: false };
    const stages: Stage[] = [
      {
        id: 'prospecting',
        name: 'Prospecting',
        order: 0,
        probability: 0.1,
        kind: 'open',
        forecastCategory: 'pipeline',
        color: '#888',
      },
      {
        id: 'proposal',
        name: 'Proposal',
        order: 1,
        probability: 0.6,
        kind: 'open',
        forecastCategory: 'commit',
        color: '#888',
      },
      { id: 'won', name: 'Won', order: 2, probability: 1, kind: 'won', forecastCategory: 'closed', color: '#888' },
      { id: 'lost', name: 'Lost', order: 3, probability: 0, kind: 'lost', forecastCategory: 'omitted', color: '#888' },
    ];
    const deals: Deal[] = Array.from({ length: 40 }, (_, i) => {
      const end = ['prospecting', 'proposal', 'won', 'lost'][i % 4]!;
      const closed = end === 'won' || end === 'lost';
      return {
        id: `d${i}`,
        contactId: `c${i % 30}`,
        title: `Deal ${i}`,
        stageId: end,
        amount: i % 5 ? 1000 * i : null,
        currency: i % 7 ? 'USD' : 'IDR',
        expectedClose: i % 6 ? `2026-0${1 + (i % 6)}-15` : null,
        probability: i % 9 === 0 ? 0.35 : null,
        forecastCategory: i % 11 === 0 ? 'best_case' : null,
        bant: { budget: { ...zero, level: i % 4 }, authority: zero, need: zero, timeline: { ...zero, level: 2 } },
        owner: 'Ayu',
        source: i % 2 ? 'linkedin' : 'import',
        stageEntries: [
          { stageId: 'prospecting', at: T0 + i * day },
          ...(end === 'prospecting' ? [] : [{ stageId: end, at: T0 + (i + 10) * day }]),
        ],
        followUpAt: null,
        followUpNote: '',
        createdAt: T0 + i * day,
        updatedAt: T0 + (i + 10) * day,
        closedAt: closed ? T0 + (i + 10) * day : null,
        outcome: end === 'won' ? 'won' : end === 'lost' ? 'lost' : null,
        lostReason: '',
        deletedAt: i === 13 ? T0 + 20 * day : null,
      };
    });
    await v3.table('deals').bulkAdd(deals);
    await v3.table('stages').bulkAdd(stages);
    v3.close();

    const db = new ProspectorDb(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    for (const d of deals) expect(await db.deals.get(d.id)).toEqual(d);
    const rows = await db.forecastIndex.toArray();
    expect(rows.map((r) => r.id).sort()).toEqual(deals.map((d) => d.id).sort());
    const params = {
      asOf: T0 + 60 * day,
      now: T0 + 60 * day,
      zone: 'utc' as const,
      grain: 'month' as const,
      horizon: 6,
      method: 'bant' as const,
      currency: 'USD',
      bantWeights: { budget: 25, authority: 25, need: 25, timeline: 25 },
      minSample: 3,
    };
    const fromRows = forecastReport(dealTableFromRows(rows, stages), params);
    expect(fromRows.deals).toBe(39);
    expect(fromRows).toEqual(forecastReport(dealTable(deals, stages), params));
    // The board's rows know when each live deal entered its stage, and every stage has its header totals.
    const board = await db.dealIndex.toArray();
    expect(board.filter((r) => r.stageId !== undefined).every((r) => r.e === r.v[9])).toBe(true);
    expect(await db.dealIndex.where('[stageId+e]').between(['won', -Infinity], ['won', Infinity]).count()).toBe(10);
    expect(await db.stageTotals.toArray()).toEqual(
      [...totalsFromRows(board).values()].sort((a, b) => (a.stageId < b.stageId ? -1 : 1)),
    );
    expect((await db.stageTotals.get('lost'))?.count).toBe(10);
    // Kept current from then on: a write to a deal rewrites its row in the same transaction.
    await db.deals.update('d1', { amount: 777, stageId: 'won' });
    expect((await db.forecastIndex.get('d1'))?.v[6]).toBe(777);
    await db.deals.delete('d2');
    expect(await db.forecastIndex.get('d2')).toBeUndefined();
    await db.deals.clear();
    expect(await db.forecastIndex.count()).toBe(0);
    db.close();
  });

  it('opens a version 4 database and turns each deal follow-up into an open task, nothing planned lost', async () => {
    const name = `migrate-v4-${Math.random()}`;
    const v4 = new Dexie(name);
    v4.version(4).stores(SCHEMA_V4);
    await v4.open();
    const base = { contactId: 'c1', title: 'Pilot', stageId: 's', currency: 'USD', createdAt: T0, updatedAt: T0 };
    await v4.table('deals').bulkAdd([
      { ...base, id: 'd1', followUpAt: T0 + day, followUpNote: 'Call back', deletedAt: null },
      { ...base, id: 'd2', followUpAt: null, followUpNote: '', deletedAt: null },
      { ...base, id: 'd3', followUpAt: T0 + 2 * day, followUpNote: '', deletedAt: T0 },
    ]);
    v4.close();
    const db = new ProspectorDb(name);
    await db.open();
    const tasks = await db.tasks.orderBy('id').toArray();
    expect(tasks.map((t) => [t.dealId, t.dueAt, t.openDue, t.title])).toEqual([
      ['d1', T0 + day, T0 + day, 'Call back'],
      ['d3', T0 + 2 * day, null, ''],
    ]);
    expect(await db.tasks.where('openDue').above(0).primaryKeys()).toEqual(['fu-d1']);
    db.close();
  });

  it('opens a version 4 database and recomputes the dedupe keys, so a company with its legal form is found without', async () => {
    const name = `migrate-v4-${Math.random()}`;
    const v4 = new Dexie(name);
    v4.version(4).stores(SCHEMA_V4);
    await v4.open();
    // As version 4 stored them: "pte" was not a legal form to it, so the key kept it.
    const base = { emails: [], phones: [], tags: [], urls: {}, createdAt: T0, updatedAt: T0, deletedAt: null };
    const contacts = [
      {
        ...base,
        id: 'c1',
        name: 'Mei Tan',
        company: 'Orbital Freight Pte. Ltd.',
        nameKey: 'mei tan|orbital freight pte',
        linkedinKey: '',
        mergedInto: null,
      },
      {
        ...base,
        id: 'c2',
        name: 'Budi',
        company: 'PT Maju Jaya Tbk',
        nameKey: 'budi|maju jaya',
        linkedinKey: '',
        phones: ['+62 21 555 0199'],
        mergedInto: null,
      },
      { ...base, id: 'c3', name: 'Old Row', nameKey: 'old row|acme', linkedinKey: 'in/old', mergedInto: null },
    ];
    await v4.table('contacts').bulkAdd(contacts);
    await v4.table('contactIndex').bulkAdd(contacts.map((c) => ({ id: c.id, words: [], phones: [] })));
    v4.close();

    const db = new ProspectorDb(name);
    await db.open();
    expect(await db.contacts.count()).toBe(3);
    expect((await db.contacts.get('c1'))?.nameKey).toBe('mei tan|orbital freight');
    expect(await findContacts(db, { name: 'Mei Tan', company: 'Orbital Freight' })).toMatchObject([{ id: 'c1' }]);
    // A row without a company (a hand-made backup) keeps the keys it had; every row keeps its other fields.
    expect(await db.contacts.get('c3')).toEqual(contacts[2]);
    // The search rows were rebuilt in the same upgrade.
    expect(await db.contactIndex.where('words').equals('orbital').primaryKeys()).toEqual(['c1']);
    expect(await db.contactIndex.where('phones').equals('215550199').primaryKeys()).toEqual(['c2']);
    db.close();
  });

  it('opens a version 4 database at the current version keeping every row; the sync tables start empty', async () => {
    const name = `migrate-v4-sync-${Math.random()}`;
    const v4 = new Dexie(name);
    v4.version(4).stores(SCHEMA_V4);
    await v4.open();
    const contacts = Array.from({ length: 12 }, (_, i) => ({ id: `c${i}`, name: `P ${i}`, emails: [], updatedAt: T0 }));
    await v4.table('contacts').bulkAdd(contacts);
    await v4.table('stages').bulkAdd([{ id: 'prospecting', order: 0 }]);
    v4.close();
    const db = new ProspectorDb(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(await db.contacts.toArray()).toEqual(expect.arrayContaining(contacts));
    expect(await db.contacts.count()).toBe(contacts.length);
    expect(await db.stages.count()).toBe(1);
    // A team is joined later: a record gets its sync row when written or when the rep connects.
    expect(await db.syncState.count()).toBe(0);
    expect(await db.syncMeta.count()).toBe(0);
    db.close();
  });

  it('opens a version 11 database and rebuilds the board rows with the confirmed BANT parts, every row kept', async () => {
    const name = `migrate-v11-${Math.random()}`;
    const v11 = new Dexie(name);
    v11.version(11).stores({ ...SCHEMA_V4, ...SCHEMA_V7, ...SCHEMA_V8, ...SCHEMA_V10, ...SCHEMA_V11 });
    await v11.open();
    const part = (level: number, confirmed: boolean) => ({ level, note: '', confirmed });
    const deals = Array.from({ length: 6 }, (_, i) => ({
      id: `d${i}`,
      contactId: `c${i}`,
      title: `Deal ${i}`,
      stageId: 'prospecting',
      stageEntries: [{ stageId: 'prospecting', at: T0 }],
      amount: 1000 * i,
      currency: 'USD',
      probability: null,
      owner: '',
      source: 'manual',
      expectedClose: null,
      followUpAt: null,
      bant: { budget: part(2, i % 2 === 0), authority: part(3, true), need: part(0, false), timeline: part(1, false) },
      outcome: null,
      createdAt: T0,
      updatedAt: T0,
      deletedAt: null,
    }));
    await v11.table('deals').bulkAdd(deals);
    // As version 11 wrote the board rows: BANT levels only (2·64 + 3·16 + 1), no confirmations.
    await v11.table('dealIndex').bulkAdd(
      deals.map((d) => ({
        id: d.id,
        stageId: d.stageId,
        e: T0,
        v: [d.contactId, d.title, d.amount, 'USD', null, '', 'manual', null, null, T0, T0, 177, null],
      })),
    );
    v11.close();
    const db = new ProspectorDb(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(await db.deals.count()).toBe(deals.length);
    const rows = (await db.dealIndex.toArray()) as DealIndexRow[];
    expect(rows).toHaveLength(deals.length);
    const confirmed = rows
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((r) => Object.values(boardDeal(r).bant).filter((p) => p.confirmed).length);
    expect(confirmed).toEqual([2, 1, 2, 1, 2, 1]);
    expect(boardDeal(rows[0]!).bant.budget.level).toBe(2);
    db.close();
  });
});
