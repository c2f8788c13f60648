import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ProspectorDb } from '@/lib/db/database';
import { generateDemo } from '@/lib/demo/generate';
import { loadDemo } from '@/lib/demo/load';
import { Candidate, type CandidateInput, type PageCapture } from '@/lib/model';
import { saveCapture } from '@/lib/pipeline/capture';
import { addNote, updateContact, updateDeal } from '@/lib/pipeline/mutations';
import { checkConnection, queueUnsynced } from '@/lib/sync/controller';
import { CouchClient, CouchError } from '@/lib/sync/couch';
import { pullAll, push, saveServerCheckpoint } from '@/lib/sync/replicator';
import { syncIdentity } from '@/lib/sync/sync-middleware';
import { addTask } from '@/lib/tasks/write';
import { type CouchServer, startCouch } from '@/scripts/support/couch-server';
import { freshDb } from '../helpers';

const DB = 'team';
let couch: CouchServer;

beforeAll(async () => {
  couch = await startCouch({ inMemory: true });
  await couch.addUser('ana', 'ana-pw');
  await couch.addUser('budi', 'budi-pw');
  await couch.addUser('rini', 'rini-pw', ['prospector-readonly']);
  await couch.addUser('eve', 'eve-pw');
  await couch.setUpTeam(DB, { members: ['ana', 'budi'], readerRoles: ['prospector-readonly'] });
}, 60_000);
afterAll(() => couch?.stop());
beforeEach(() => {
  syncIdentity.tracking = true;
  syncIdentity.user = '';
});

const client = (user: string, password = `${user}-pw`, db = DB) =>
  new CouchClient({ url: couch.url, db, user, password });

function page(c: CandidateInput): PageCapture {
  return { url: 'https://example.com/team', title: 'Team', site: 'web', candidates: [Candidate.parse(c)] };
}
const jane: CandidateInput = { name: 'Jane Doe', company: 'Acme', emails: ['jane@acme.test'] };

/** A rep's browser: its own database and session, connected to the team. */
async function rep(user: string, db?: string) {
  const local = await freshDb();
  const c = client(user, `${user}-pw`, db);
  await queueUnsynced(local, user);
  return {
    db: local,
    client: c,
    user,
    sync: async () => [await push(local, c, user), await pullAll(local, c)] as const,
  };
}

async function timeline(db: ProspectorDb, contactId: string) {
  return db.activities.where('[contactId+at]').between([contactId, 0], [contactId, Infinity]).toArray();
}

// Each test makes several round trips to a real server: more than the default 5 s on a busy machine.
describe('team sync against a CouchDB-protocol server', { timeout: 30_000 }, () => {
  it('sends a capture from one rep to another, derived rows included', async () => {
    const teamDb = `t-${Date.now()}`;
    await couch.setUpTeam(teamDb, { members: ['ana', 'budi'] });
    const a = await rep('ana', teamDb);
    const b = await rep('budi', teamDb);
    const [saved] = await saveCapture(a.db, page(jane), {
      now: Date.now(),
      currency: 'IDR',
      owner: 'ana',
      startDeal: true,
    });
    await a.sync();
    await b.sync();
    expect(await b.db.contacts.get(saved!.contactId)).toMatchObject({ name: 'Jane Doe', company: 'Acme' });
    expect(await b.db.deals.get(saved!.dealId!)).toMatchObject({ owner: 'ana', currency: 'IDR' });
    // The board's rows and the search index are rebuilt by the same middleware as local writes.
    expect(await b.db.dealIndex.get(saved!.dealId!)).toBeTruthy();
    expect(await b.db.contactIndex.get(saved!.contactId)).toBeTruthy();
    expect((await timeline(b.db, saved!.contactId)).map((x) => x.type)).toEqual(['captured']);
    // Nothing left to push on either side, and syncing again changes nothing.
    expect(await a.db.syncState.where('dirty').equals(1).count()).toBe(0);
    const [again] = await b.sync();
    expect(again.pushed).toBe(0);
  });

  it('merges two offline edits of one deal field by field, on both browsers and the server', async () => {
    const teamDb = `t2-${Date.now()}`;
    await couch.setUpTeam(teamDb, { members: ['ana', 'budi'] });
    const a = await rep('ana', teamDb);
    const b = await rep('budi', teamDb);
    const [saved] = await saveCapture(a.db, page(jane), { now: 1000, currency: 'USD', owner: 'ana', startDeal: true });
    await a.sync();
    await b.sync();
    const dealId = saved!.dealId!;
    // Both offline: Ana sets the amount and a title, Budi later sets the close date and another title.
    await updateDeal(a.db, dealId, { amount: 500_000, title: 'Acme pilot' }, 2000);
    await new Promise((r) => setTimeout(r, 5));
    await updateDeal(b.db, dealId, { expectedClose: '2027-03-31', title: 'Acme enterprise' }, 3000);
    await a.sync();
    const [bPush] = await b.sync();
    expect(bPush.conflicts).toBe(1);
    await b.sync();
    await a.sync();
    const da = await a.db.deals.get(dealId);
    const db_ = await b.db.deals.get(dealId);
    expect(da).toMatchObject({ amount: 500_000, expectedClose: '2027-03-31', title: 'Acme enterprise' });
    expect(db_).toEqual(da);
    const server = (await couch.admin('GET', `${teamDb}/deal:${dealId}`)).body as { data: unknown };
    expect(server.data).toEqual(da);
    // Both edits, and the merge that kept one title over the other, are in both timelines.
    for (const side of [a, b]) {
      const updates = (await timeline(side.db, saved!.contactId)).filter((x) => x.type === 'updated');
      expect(updates).toHaveLength(3);
      expect(updates.find((u) => u.payload.merged)?.payload).toMatchObject({
        kept: { title: 'Acme enterprise' },
        replaced: { title: 'Acme pilot' },
      });
    }
  });

  it('refuses a read-only member’s deal edit, reports it and puts the team’s version back; notes still go', async () => {
    const a = await rep('ana');
    const [saved] = await saveCapture(a.db, page({ ...jane, emails: ['j2@acme.test'] }), {
      now: 1000,
      currency: 'USD',
      owner: 'ana',
      startDeal: true,
    });
    await a.sync();
    const r = await rep('rini');
    await r.sync();
    await updateDeal(r.db, saved!.dealId!, { amount: 1 }, 5000);
    await addNote(r.db, saved!.contactId, null, 'Met at the expo', 5000);
    const [pushed] = await r.sync();
    expect(pushed.refused).toEqual([{ docId: `deal:${saved!.dealId}`, reason: expect.stringMatching(/read-only/i) }]);
    expect((await r.db.deals.get(saved!.dealId!))?.amount).toBeNull();
    await a.sync();
    expect((await timeline(a.db, saved!.contactId)).some((x) => x.payload.text === 'Met at the expo')).toBe(true);
    expect((await a.db.deals.get(saved!.dealId!))?.amount).toBeNull();
  });

  it('resumes from the checkpoint stored with the rows: a restarted worker pulls only what changed since', async () => {
    const teamDb = `t4-${Date.now()}`;
    await couch.setUpTeam(teamDb, { members: ['ana', 'budi'] });
    const a = await rep('ana', teamDb);
    const b = await rep('budi', teamDb);
    await saveCapture(a.db, page({ name: 'One', emails: ['one@x.test'] }), {
      now: 1,
      currency: 'USD',
      owner: 'ana',
      startDeal: true,
    });
    await a.sync();
    await b.sync();
    const since = (await b.db.syncMeta.get('since'))?.value;
    expect(since).toBeTruthy();
    await saveCapture(a.db, page({ name: 'Two', emails: ['two@x.test'] }), {
      now: 2,
      currency: 'USD',
      owner: 'ana',
      startDeal: true,
    });
    await a.sync();
    // A new session, as after the service worker stopped: only Two's contact, deal and activity come.
    expect(await pullAll(b.db, client('budi', 'budi-pw', teamDb))).toBe(3);
    expect((await b.db.contacts.toArray()).map((c) => c.name).sort()).toEqual(['One', 'Two']);
    // The server holds the checkpoint too, under this browser's replication id.
    await saveServerCheckpoint(b.client, 'prospector-test', String((await b.db.syncMeta.get('since'))?.value));
    expect((await couch.admin('GET', `${teamDb}/_local/prospector-test`)).body).toMatchObject({
      last_seq: expect.anything(),
    });
  });

  it('never sends the demo pipeline to the team', async () => {
    const teamDb = `t5-${Date.now()}`;
    await couch.setUpTeam(teamDb, { members: ['ana'] });
    const a = await rep('ana', teamDb);
    const demo = generateDemo({ contacts: 3, seed: 1, now: Date.now(), stages: await a.db.stages.toArray() });
    await loadDemo(a.db, demo);
    await saveCapture(a.db, page(jane), { now: 1, currency: 'USD', owner: 'ana', startDeal: true });
    await a.sync();
    const all = (await couch.admin('GET', `${teamDb}/_all_docs`)).body as { rows: { id: string }[] };
    const ids = all.rows.map((r) => r.id);
    expect(ids.filter((id) => id.startsWith('contact:'))).toHaveLength(1);
    for (const c of demo.contacts) expect(ids).not.toContain(`contact:${c.id}`);
    for (const d of demo.deals) expect(ids).not.toContain(`deal:${d.id}`);
    expect(ids.some((id) => id.startsWith('task:'))).toBe(false);
    expect(await a.db.syncState.where('dirty').equals(1).count()).toBe(0);
  });

  it('shares follow-ups (tasks) like any record', async () => {
    const teamDb = `t6-${Date.now()}`;
    await couch.setUpTeam(teamDb, { members: ['ana', 'budi'] });
    const a = await rep('ana', teamDb);
    const b = await rep('budi', teamDb);
    const [saved] = await saveCapture(a.db, page(jane), { now: 1, currency: 'USD', owner: 'ana', startDeal: true });
    await addTask(a.db, { contactId: saved!.contactId, dealId: saved!.dealId, title: 'Call back', dueAt: 5000 }, 10);
    await a.sync();
    await b.sync();
    expect(await b.db.tasks.toArray()).toMatchObject([{ title: 'Call back', dueAt: 5000 }]);
  });

  it('refuses a user who is not a member of the team', async () => {
    const e = await rep('eve');
    await saveCapture(e.db, page({ name: 'Mallory', emails: ['m@x.test'] }), { now: 1, currency: 'USD', owner: 'eve' });
    const err = await e.sync().catch((x) => x);
    expect(err).toBeInstanceOf(CouchError);
    expect(err.kind).toBe('forbidden');
    const all = (await couch.admin('GET', `${DB}/_all_docs?include_docs=true`)).body as {
      rows: { doc: { by?: string } }[];
    };
    expect(all.rows.length).toBeGreaterThan(0);
    expect(all.rows.filter((r) => r.doc.by === 'eve')).toEqual([]);
  });

  it('says a wrong password is wrong, and leaves the local pipeline as it was', async () => {
    const local = await freshDb();
    await saveCapture(local, page(jane), { now: 1, currency: 'USD', owner: 'ana', startDeal: true });
    const before = await local.contacts.toArray();
    const err = await checkConnection({ url: couch.url, db: DB, user: 'ana', password: 'nope' }).catch((e) => e);
    expect(err).toBeInstanceOf(CouchError);
    expect(err.kind).toBe('auth');
    await expect(push(local, client('ana', 'nope'), 'ana')).rejects.toMatchObject({ kind: 'auth' });
    expect(await local.contacts.toArray()).toEqual(before);
  });

  it('keeps a rep’s hand edit of a contact over a teammate’s later capture', async () => {
    const teamDb = `t3-${Date.now()}`;
    await couch.setUpTeam(teamDb, { members: ['ana', 'budi'] });
    const a = await rep('ana', teamDb);
    const b = await rep('budi', teamDb);
    const [saved] = await saveCapture(a.db, page({ ...jane, jobTitle: 'VP' }), {
      now: 1000,
      currency: 'USD',
      owner: 'ana',
    });
    await a.sync();
    await b.sync();
    await updateContact(a.db, saved!.contactId, { jobTitle: 'Chief Revenue Officer' }, 2000);
    await saveCapture(b.db, page({ ...jane, jobTitle: 'VP Sales' }), { now: 9000, currency: 'USD', owner: 'budi' });
    await a.sync();
    await b.sync();
    await b.sync();
    await a.sync();
    for (const side of [a, b])
      expect(await side.db.contacts.get(saved!.contactId)).toMatchObject({ jobTitle: 'Chief Revenue Officer' });
  });
});
