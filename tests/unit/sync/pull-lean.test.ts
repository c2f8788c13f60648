import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProspectorDb } from '@/lib/db/database';
import { withoutSyncField } from '@/lib/db/sync-field';
import { generateDemo } from '@/lib/demo/generate';
import { addNote } from '@/lib/pipeline/mutations';
import { applyRemoteDocs, type SyncRowLookup } from '@/lib/sync/apply-remote';
import type { IncomingDoc } from '@/lib/sync/documents';
import { docIdOf, type SyncedTable } from '@/lib/sync/kinds';
import { syncIdentity } from '@/lib/sync/sync-middleware';
import { freshDb } from '../helpers';
import { countGets } from './count-gets';
import { syncStatesOf } from './sync-states';

/**
 * A pulled page is written in bulk, records as the server holds them (their writers' BANT suggestions kept, not
 * recomputed: lib/pipeline/bant-on-write.ts isWritingAsPulled). It must leave exactly what writing the same
 * records here one by one, as local writes, leaves: the records, every derived row and every suggestion.
 */

// Suggestions read the calendar (Timeline): one day for the writer and both readers. Only Date is faked.
const now = new Date(2026, 4, 20, 10).getTime();
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(now);
  syncIdentity.tracking = false;
});
afterEach(() => {
  vi.useRealTimers();
  syncIdentity.tracking = false;
});

const TABLES = ['stages', 'contacts', 'deals', 'activities'] as const;
/** Everything a pull writes locally, but the sync bookkeeping. */
const COMPARED = [...TABLES, 'tasks', 'contactIndex', 'dealIndex', 'forecastIndex', 'stageTotals'] as const;

type Rec = { id: string } & Record<string, unknown>;

/** A seeded shuffle: the server's order of changes is any order. */
function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A teammate's pipeline as the server holds it: written through the local write path, so with suggestions. */
async function teammatesRecords(contacts: number): Promise<{ table: SyncedTable; record: Rec }[]> {
  const writer = await freshDb();
  const stages = await writer.stages.toArray();
  const demo = generateDemo({ contacts, seed: 7, now, stages, currency: 'IDR' });
  await writer.contacts.bulkPut(demo.contacts);
  await writer.deals.bulkPut(demo.deals);
  await writer.activities.bulkPut(demo.activities);
  // Notes whose words move the suggestions (budget, need), on a third of the contacts.
  for (const c of demo.contacts.filter((_, i) => i % 3 === 0))
    await addNote(
      writer,
      c.id,
      null,
      'Budget approved: IDR 500 million. They need a new CRM this quarter.',
      now - 1000,
    );
  const out: { table: SyncedTable; record: Rec }[] = [];
  for (const table of TABLES)
    for (const record of (await writer.table(table).toArray()) as Rec[]) out.push({ table, record });
  writer.close();
  return out;
}

const docOf = (table: SyncedTable, record: Rec, i: number): IncomingDoc => ({
  _id: docIdOf(table, record.id),
  _rev: `1-${i}`,
  kind: table,
  data: record,
  times: {},
});

async function contents(db: ProspectorDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  // The rep's data: a pulled record's sync state is compared on its own (below).
  for (const name of COMPARED) out[name] = (await db.table(name).toArray()).map(withoutSyncField);
  return out;
}

describe('a pulled page written in bulk', { timeout: 60_000 }, () => {
  it('leaves the same records, derived rows and BANT suggestions as writing them here one by one', async () => {
    const records = shuffled(await teammatesRecords(120), 16);
    // Suggestions are there to keep: the comparison below is not between empty ones.
    const suggested = records.filter(
      ({ table, record }) => table === 'deals' && (record.bant as { budget: { level: number } }).budget.level > 0,
    );
    expect(suggested.length).toBeGreaterThan(10);

    const oneByOne = await freshDb();
    for (const { table, record } of records) await oneByOne.table(table).put(record);

    const pulled = await freshDb();
    const lookup: SyncRowLookup = { known: new Set(), markedHere: new Set(), deals: new Set() };
    const docs = records.map(({ table, record }, i) => docOf(table, record, i));
    for (let at = 0; at < docs.length; at += 97) {
      const done = await applyRemoteDocs(pulled, docs.slice(at, at + 97), { since: String(at), lookup });
      expect(done.skipped).toBe(0);
    }

    expect(await contents(pulled)).toEqual(await contents(oneByOne));
    // Every record has its sync state, clean, at the server's revision: on the record itself, with no row.
    expect(await pulled.syncState.count()).toBe(0);
    const states = await Promise.all(
      records.map(({ table, record }) => syncStatesOf(pulled, table, [String(record.id)]).then(([s]) => s)),
    );
    expect(states.every((s) => s?.dirty === 0 && s.rev?.startsWith('1-'))).toBe(true);
  });

  it("reads the board rows of the deals it already has only, and moves those out of their stages' totals", async () => {
    const records = shuffled(await teammatesRecords(60), 5);
    // A few of the team's deals are here already, in another stage (as a rep had them before this pull), without
    // any sync row: the pull must not take "no sync row" for "no board row".
    const stages = records.filter((r) => r.table === 'stages').map((r) => r.record);
    const deals = records.filter((r) => r.table === 'deals').map((r) => r.record);
    const stored = deals.slice(0, 8).map((d) => ({ ...d, stageId: stages.find((s) => s.id !== d.stageId)!.id }));
    expect(stored.length).toBe(8);
    const withStored = async () => {
      const db = await freshDb();
      await db.stages.bulkPut(stages as never[]);
      await db.deals.bulkPut(stored as never[]);
      return db;
    };

    const oneByOne = await withStored();
    for (const { table, record } of records) await oneByOne.table(table).put(record);

    const pulled = await withStored();
    // As pullAll starts a large pull: the deals stored here, read once.
    const lookup: SyncRowLookup = {
      known: new Set(),
      markedHere: new Set(),
      deals: new Set(await pulled.deals.toCollection().primaryKeys()),
    };
    const gets = countGets('dealIndex');
    try {
      const docs = records.map(({ table, record }, i) => docOf(table, record, i));
      for (let at = 0; at < docs.length; at += 50)
        await applyRemoteDocs(pulled, docs.slice(at, at + 50), { since: String(at), lookup });
    } finally {
      gets.stop();
    }
    expect(await contents(pulled)).toEqual(await contents(oneByOne));
    // Before: one read per pulled deal (60).
    expect(gets.count).toBe(stored.length);
  });

  it("suggests the rep's own unpushed deals afresh from a teammate's pulled note", async () => {
    const stagesOf = async (db: ProspectorDb) => (await db.stages.toArray()).filter((s) => s.kind === 'open');
    /** A rep with a deal of their own, not pushed yet, on a contact the team shares. */
    const withOwnDeal = async () => {
      const db = await freshDb();
      const stages = await stagesOf(db);
      const demo = generateDemo({ contacts: 1, seed: 9, now, stages, currency: 'IDR' });
      const contact = demo.contacts[0]!;
      const unknown = { level: 0, note: '', confirmed: false };
      const bant = { budget: unknown, authority: unknown, need: unknown, timeline: unknown };
      const deal = { ...demo.deals[0]!, stageId: stages[0]!.id, outcome: null, deletedAt: null, bant };
      await db.contacts.put(contact);
      syncIdentity.tracking = true;
      await db.deals.put(deal);
      syncIdentity.tracking = false;
      expect((await db.syncState.get(docIdOf('deals', deal.id)))?.dirty).toBe(1);
      return { db, contact, deal };
    };
    const note = (contactId: string) => ({
      id: 'note-from-ana',
      contactId,
      dealId: null,
      type: 'note' as const,
      at: now - 1000,
      payload: { text: 'Budget approved: IDR 500 million. They need a new CRM this quarter.' },
    });

    // Written here, the note suggests the deal at once (the local write path).
    const local = await withOwnDeal();
    await local.db.activities.put(note(local.contact.id));
    const expected = (await local.db.deals.get(local.deal.id))!.bant;
    expect(expected.need.level).toBeGreaterThan(0);

    // Pulled from the team, it must do the same for the deal no teammate has seen.
    const rep = await withOwnDeal();
    const lookup: SyncRowLookup = { known: new Set(), markedHere: new Set(), deals: new Set() };
    await applyRemoteDocs(rep.db, [docOf('activities', note(rep.contact.id), 0)], { lookup });
    expect((await rep.db.deals.get(rep.deal.id))!.bant).toEqual(expected);
    // Still the rep's change to send.
    expect((await rep.db.syncState.get(docIdOf('deals', rep.deal.id)))?.dirty).toBe(1);
  });
});
