import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SYNC_FIELD } from '@/lib/db/sync-field';
import { backupParts } from '@/lib/io/backup-write';
import { Candidate, type PageCapture } from '@/lib/model';
import { saveCapture } from '@/lib/pipeline/capture';
import { updateContact } from '@/lib/pipeline/mutations';
import { queueUnsynced } from '@/lib/sync/controller';
import { CouchClient } from '@/lib/sync/couch';
import { pullAll, push } from '@/lib/sync/replicator';
import { syncIdentity } from '@/lib/sync/sync-middleware';
import { type CouchServer, startCouch } from '@/scripts/support/couch-server';
import { freshDb } from '../helpers';
import { syncStatesOf } from './sync-states';

/**
 * A pulled record carries its sync state itself, with no sync row (lib/sync/embedded.ts): what the rep does with
 * it afterwards must sync exactly as with a row, and the state never leaves the browser.
 */
let couch: CouchServer;

beforeAll(async () => {
  couch = await startCouch({ inMemory: true });
  await couch.addUser('ana', 'ana-pw');
  await couch.addUser('budi', 'budi-pw');
}, 60_000);
afterAll(() => couch?.stop());
beforeEach(() => {
  syncIdentity.tracking = true;
  syncIdentity.user = '';
});

const page = (name: string): PageCapture => ({
  url: 'https://example.com/team',
  title: 'Team',
  site: 'web',
  candidates: [Candidate.parse({ name, company: 'Acme', emails: [`${name.split(' ')[0]!.toLowerCase()}@acme.test`] })],
});

async function rep(user: string, teamDb: string) {
  const db = await freshDb();
  const client = new CouchClient({ url: couch.url, db: teamDb, user, password: `${user}-pw` });
  await queueUnsynced(db, user);
  return { db, client, sync: async () => [await push(db, client, user), await pullAll(db, client)] as const };
}

/** A contact's document as the server holds it. */
interface ServerDoc {
  _rev: string;
  times: Record<string, number>;
  data: Record<string, unknown>;
}

/** Budi has pulled Jane, whom Ana captured: her contact carries its state, and no row was written for it. */
async function pulledJane() {
  const teamDb = `e-${Date.now()}-${Math.round(Math.random() * 1e6)}`;
  await couch.setUpTeam(teamDb, { members: ['ana', 'budi'] });
  const a = await rep('ana', teamDb);
  const b = await rep('budi', teamDb);
  const [saved] = await saveCapture(a.db, page('Jane Doe'), { now: 1000, currency: 'USD', owner: 'ana' });
  await a.sync();
  await b.sync();
  const id = saved!.contactId;
  const docId = `contact:${id}`;
  const server = async () => (await couch.admin('GET', `${teamDb}/${docId}`)) as { status: number; body: ServerDoc };
  return { a, b, id, docId, server, teamDb };
}

describe("a pulled record's own sync state", { timeout: 30_000 }, () => {
  it('is on the record, at the server revision, with no sync row', async () => {
    const { b, id, docId, server } = await pulledJane();
    const rev = (await server()).body._rev as string;
    expect(await b.db.syncState.get(docId)).toBeUndefined();
    const [state] = await syncStatesOf(b.db, 'contacts', [id]);
    expect(state).toMatchObject({ rev, dirty: 0 });
  });

  it("is where a rep's edit starts from: the edited fields newer, pushed on the server's revision without a conflict", async () => {
    const { a, b, id, docId, server } = await pulledJane();
    const before = (await server()).body;
    await updateContact(b.db, id, { jobTitle: 'Head of Sales' }, 5000);
    const row = await b.db.syncState.get(docId);
    expect(row).toMatchObject({ rev: before._rev, dirty: 1, base: before.times });
    // The edit's fields are newer than the server's times (the title, and that a hand set it); the others are not.
    const newer = Object.keys(row!.times).filter((f) => row!.times[f] !== before.times[f]);
    expect(newer).toEqual(expect.arrayContaining(['jobTitle', 'editedFields']));
    for (const kept of ['name', 'company', 'emails']) expect(row!.times[kept]).toBe(before.times[kept]);
    // The row is the state now: the record no longer carries one.
    expect(Object.hasOwn((await b.db.contacts.get(id))!, SYNC_FIELD)).toBe(false);
    const [pushed] = await b.sync();
    // The contact and its timeline entry for the edit.
    expect(pushed).toMatchObject({ pushed: 2, conflicts: 0, refused: [] });
    const after = (await server()).body;
    expect(after.data.jobTitle).toBe('Head of Sales');
    // What the server holds is the rep's data only.
    expect(after.data[SYNC_FIELD]).toBeUndefined();
    await a.sync();
    expect((await a.db.contacts.get(id))?.jobTitle).toBe('Head of Sales');
  });

  it('moves to a row when a write leaves the record as it was, so it is never lost', async () => {
    const { b, id, docId, server } = await pulledJane();
    const rev = (await server()).body._rev as string;
    await b.db.contacts.put((await b.db.contacts.get(id))!);
    expect(await b.db.syncState.get(docId)).toMatchObject({ rev, dirty: 0 });
    const [pushed] = await b.sync();
    expect(pushed.pushed).toBe(0);
  });

  it("carries the revision a delete needs: the team's copy is deleted too", async () => {
    const { b, id, server } = await pulledJane();
    await b.db.contacts.delete(id);
    const [pushed] = await b.sync();
    expect(pushed).toMatchObject({ pushed: 1, conflicts: 0 });
    expect((await server()).status).toBe(404);
  });

  it('never reaches a backup', async () => {
    const { b, id } = await pulledJane();
    expect(Object.hasOwn((await b.db.contacts.get(id))!, SYNC_FIELD)).toBe(true);
    const text = (await backupParts(b.db, null, Date.now())).join('');
    expect(text).toContain(id);
    expect(text).not.toContain(SYNC_FIELD);
  });

  it('is not taken for synced after a disconnect: connecting again queues the record like any other', async () => {
    const { b, id, docId } = await pulledJane();
    // Disconnect forgets every row and the checkpoint (lib/sync/controller.ts); the record keeps what it carried.
    await b.db.syncState.clear();
    await b.db.syncMeta.clear();
    await queueUnsynced(b.db, 'budi');
    expect(await b.db.syncState.get(docId)).toMatchObject({ rev: null, dirty: 1 });
    expect((await syncStatesOf(b.db, 'contacts', [id]))[0]).toMatchObject({ rev: null, dirty: 1 });
  });
});
