import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '@/lib/demo/generate';
import { DEFAULT_PIPELINE, stagesFromTemplate } from '@/lib/pipeline/default-stages';
import { CouchClient } from '@/lib/sync/couch';
import { docIdOf } from '@/lib/sync/kinds';
import { CHUNK_BUDGET_MS, MAX_CHUNK, MIN_CHUNK, nextChunkSize, PULL_PAGE, pullAll } from '@/lib/sync/replicator';
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

/** The position in the server's changes of each checkpoint written (after the document it names). */
const positions = (checkpoints: unknown[]) => checkpoints.map((c) => seqs.indexOf(String(c)));

describe('first pull in large pages, written in short transactions', { timeout: 30_000 }, () => {
  it('sizes write transactions to a time budget from the time the last one took per document', () => {
    expect(nextChunkSize(100, CHUNK_BUDGET_MS)).toBe(100);
    expect(nextChunkSize(100, 2 * CHUNK_BUDGET_MS)).toBe(MIN_CHUNK);
    expect(nextChunkSize(100, CHUNK_BUDGET_MS / 3)).toBe(300);
    expect(nextChunkSize(100, 0)).toBe(MAX_CHUNK);
    expect(nextChunkSize(100, 1e6)).toBe(MIN_CHUNK);
  });

  it('reads the changes in one request and checkpoints each written chunk', async () => {
    expect(CONTACTS).toBeLessThan(PULL_PAGE);
    expect(CONTACTS).toBeGreaterThan(MAX_CHUNK);
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
    // One checkpoint per transaction, each a change's own seq, in order, the last the page's last_seq; no
    // transaction wrote more than MAX_CHUNK documents.
    const at = positions(checkpoints);
    expect(at.length).toBeGreaterThan(1);
    expect(at.every((p) => p >= 0)).toBe(true);
    expect(at.at(-1)).toBe(seqs.length - 1);
    const sizes = at.map((p, i) => p - (i ? at[i - 1]! : -1));
    expect(sizes.every((n) => n >= 1 && n <= MAX_CHUNK)).toBe(true);
  });

  it('resumes after the last chunk written when a write fails mid-page, with nothing twice', async () => {
    const db = await freshDb();
    const changes = (await couch.admin('GET', `${DB}/_changes`)).body as { results: { id: string }[] };
    // A contact past the first chunk: its transaction fails once (a full disk, the worker stopped).
    const victim = changes.results[MAX_CHUNK + 10]!.id.split(':')[1];
    let failed = false;
    db.contacts.hook('creating', (_key, row) => {
      if (row.id === victim && !failed) {
        failed = true;
        throw new Error('disk full');
      }
    });
    const { client, calls } = countingClient();
    await expect(pullAll(db, client)).rejects.toThrow();
    // What the checkpoint covers is in, and nothing past it (the server's design document is one of the changes).
    const [covered] = positions([(await db.syncMeta.get('since'))?.value]);
    expect(covered).toBeGreaterThan(0);
    expect(covered).toBeLessThan(MAX_CHUNK + 10);
    const written = changes.results.slice(0, covered! + 1).filter((c) => c.id.startsWith('contact:')).length;
    expect(await db.contacts.count()).toBe(written);
    expect(await pullAll(db, client)).toBe(CONTACTS - written);
    expect(calls.changes).toBe(2);
    expect(await db.contacts.count()).toBe(CONTACTS);
    expect(await db.syncState.count()).toBe(CONTACTS);
  });
});
