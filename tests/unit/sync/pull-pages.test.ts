import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '@/lib/demo/generate';
import { DEFAULT_PIPELINE, stagesFromTemplate } from '@/lib/pipeline/default-stages';
import { CouchClient } from '@/lib/sync/couch';
import { docIdOf } from '@/lib/sync/kinds';
import { APPLY_CHUNK, PULL_PAGE, pullAll } from '@/lib/sync/replicator';
import { type CouchServer, startCouch } from '@/scripts/support/couch-server';
import { freshDb } from '../helpers';

const DB = 'pages';
const CONTACTS = 600;
let couch: CouchServer;
let seqs: string[] = [];

beforeAll(async () => {
  couch = await startCouch({ inMemory: true });
  await couch.addUser('ana', 'ana-pw');
  await couch.setUpTeam(DB, { members: ['ana'] });
  const stages = stagesFromTemplate(DEFAULT_PIPELINE, (k) => k);
  const { contacts } = generateDemo({ contacts: CONTACTS, seed: 3, now: Date.now(), stages, currency: 'IDR' });
  const docs = contacts.map((data) => ({
    _id: docIdOf('contacts', data.id),
    kind: 'contacts',
    data,
    times: {},
    by: 'ana',
  }));
  const r = await couch.admin('POST', `${DB}/_bulk_docs`, { docs });
  expect(r.status).toBeLessThan(300);
  const changes = await couch.admin('GET', `${DB}/_changes`);
  seqs = (changes.body as { results: { seq: unknown }[] }).results.map((c) => JSON.stringify(c.seq));
}, 60_000);
afterAll(() => couch?.stop());

/** A client that counts its _changes requests. */
function countingClient() {
  const calls = { changes: 0 };
  const client = new CouchClient({ url: couch.url, db: DB, user: 'ana', password: 'ana-pw' }, (input, init) => {
    if (String(input).includes('/_changes')) calls.changes++;
    return fetch(input, init);
  });
  return { client, calls };
}

describe('first pull in large pages, written in small transactions', { timeout: 30_000 }, () => {
  it('reads the changes in one request and checkpoints each written chunk', async () => {
    expect(CONTACTS).toBeLessThan(PULL_PAGE);
    expect(CONTACTS).toBeGreaterThan(2 * APPLY_CHUNK);
    const db = await freshDb();
    const checkpoints: unknown[] = [];
    db.syncMeta.hook('creating', (_key, row) => {
      if (row.key === 'since') checkpoints.push(row.value);
    });
    db.syncMeta.hook('updating', (changes, key) => {
      if (key === 'since') checkpoints.push((changes as { value?: unknown }).value);
    });
    const { client, calls } = countingClient();
    expect(await pullAll(db, client)).toBe(CONTACTS);
    expect(calls.changes).toBe(1);
    expect(await db.contacts.count()).toBe(CONTACTS);
    expect(await db.contactIndex.count()).toBe(CONTACTS);
    // One checkpoint per transaction: after the 250th and 500th change, then the page's last_seq.
    expect(checkpoints).toEqual([seqs[APPLY_CHUNK - 1], seqs[2 * APPLY_CHUNK - 1], seqs.at(-1)]);
  });

  it('resumes after the last chunk written when a write fails mid-page, with nothing twice', async () => {
    const db = await freshDb();
    const changes = (await couch.admin('GET', `${DB}/_changes`)).body as { results: { id: string }[] };
    // A contact in the second chunk: its transaction fails once (a full disk, the worker stopped).
    const victim = changes.results[APPLY_CHUNK + 10]!.id.split(':')[1];
    let failed = false;
    db.contacts.hook('creating', (_key, row) => {
      if (row.id === victim && !failed) {
        failed = true;
        throw new Error('disk full');
      }
    });
    const { client, calls } = countingClient();
    await expect(pullAll(db, client)).rejects.toThrow();
    // The first chunk is in (the server's design document is one of its changes, not a record).
    const firstChunk = changes.results.slice(0, APPLY_CHUNK).filter((c) => c.id.startsWith('contact:')).length;
    expect(await db.contacts.count()).toBe(firstChunk);
    expect((await db.syncMeta.get('since'))?.value).toBe(seqs[APPLY_CHUNK - 1]);
    expect(await pullAll(db, client)).toBe(CONTACTS - firstChunk);
    expect(calls.changes).toBe(2);
    expect(await db.contacts.count()).toBe(CONTACTS);
    expect(await db.syncState.count()).toBe(CONTACTS);
  });
});
