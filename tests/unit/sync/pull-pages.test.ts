import Dexie from 'dexie';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ProspectorDb } from '@/lib/db/database';
import { generateDemo } from '@/lib/demo/generate';
import type { Contact } from '@/lib/model';
import { DEFAULT_PIPELINE, stagesFromTemplate } from '@/lib/pipeline/default-stages';
import { applyRemoteDocs, CheckpointMoved } from '@/lib/sync/apply-remote';
import { CouchClient } from '@/lib/sync/couch';
import type { IncomingDoc } from '@/lib/sync/documents';
import { GIVE_WAY_MS, giveWayToRep, resetGiveWay } from '@/lib/sync/give-way';
import { docIdOf } from '@/lib/sync/kinds';
import { CHUNK_BUDGET_MS, MAX_CHUNK, MIN_CHUNK, MUST_MOVE_MS, nextChunkSize } from '@/lib/sync/pull-chunks';
import { PULL_PAGE, pullAll } from '@/lib/sync/replicator';
import { syncIdentity } from '@/lib/sync/sync-middleware';
import { type CouchServer, startCouch } from '@/scripts/support/couch-server';
import { freshDb } from '../helpers';
import { countGets } from './count-gets';
import { syncStatesOf } from './sync-states';

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

/** Every contact here has the server's current revision as its sync state, clean (nothing to push back). */
async function expectPulledClean(db: ProspectorDb): Promise<void> {
  const all = (await couch.admin('GET', `${DB}/_all_docs`)).body as { rows: { id: string; value: { rev: string } }[] };
  const revs = new Map(all.rows.map((r) => [r.id, r.value.rev]));
  const ids = (await db.contacts.toCollection().primaryKeys()) as string[];
  expect(ids.length).toBe(CONTACTS);
  const states = await syncStatesOf(db, 'contacts', ids);
  expect(states.map((s, i) => s && s.dirty === 0 && s.rev === revs.get(docIdOf('contacts', ids[i]!)))).toEqual(
    ids.map(() => true),
  );
}

/** The checkpoints a pull writes into `db`, in order (attempts included: a transaction undone still called it). */
function checkpointsWritten(db: ProspectorDb): unknown[] {
  const checkpoints: unknown[] = [];
  db.syncMeta.hook('creating', (_key, row) => {
    if (row.key === 'since') checkpoints.push(row.value);
  });
  db.syncMeta.hook('updating', (changes, key) => {
    if (key === 'since') checkpoints.push((changes as { value?: unknown }).value);
  });
  return checkpoints;
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
    const checkpoints = checkpointsWritten(db);
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
    await expectPulledClean(db);
  });

  it('reads no sync row a first pull knows is not there: one read of their ids, not one per document', async () => {
    const db = await freshDb();
    const gets = countGets('syncState');
    try {
      expect(await pullAll(db, countingClient().client)).toBe(CONTACTS);
    } finally {
      gets.stop();
    }
    // Before: one get per pulled document, twice for contacts and deals (600 contacts: 1,200).
    expect(gets.count).toBe(0);
    // And none written: each record carries the server's revision itself (lib/sync/embedded.ts).
    expect(await db.syncState.count()).toBe(0);
    await expectPulledClean(db);
  });

  it("merges a rep's edit made while a large pull runs, instead of overwriting it", async () => {
    const db = await freshDb();
    const changes = (await couch.admin('GET', `${DB}/_changes?include_docs=true`)).body as {
      results: { id: string; doc?: { data?: Contact } }[];
    };
    // A contact near the end of the page: written by the pull well after it read which rows exist.
    const theirs = changes.results.findLast((c) => c.id.startsWith('contact:'))!.doc!.data!;
    let edited = false;
    db.syncMeta.hook('creating', () => {
      // After the first chunk is written, the rep saves this person here (a capture, an edit), tracked for the team.
      if (edited) return;
      edited = true;
      setTimeout(() => {
        syncIdentity.tracking = true;
        void db.contacts.put({ ...theirs, jobTitle: 'Head of Procurement', updatedAt: Date.now() + 60_000 });
      }, 0);
    });
    await pullAll(db, countingClient().client);
    expect(edited).toBe(true);
    const kept = await db.contacts.get(theirs.id);
    expect(kept?.jobTitle).toBe('Head of Procurement');
    // Still to be sent: the rep's edit reaches the team on the next push.
    expect((await db.syncState.get(docIdOf('contacts', theirs.id)))?.dirty).toBe(1);
  });
});

describe('two write transactions in flight', () => {
  /** Pulled documents of contacts, as the server holds them. */
  const contactDocs = async (n: number) => {
    const changes = (await couch.admin('GET', `${DB}/_changes?include_docs=true&limit=${n + 1}`)).body as {
      results: { doc: IncomingDoc }[];
    };
    return changes.results
      .map((c) => c.doc)
      .filter((d) => d._id.startsWith('contact:'))
      .slice(0, n);
  };

  it('writes nothing when the stored checkpoint is not the one its predecessor wrote', async () => {
    const db = await freshDb();
    await db.syncMeta.put({ key: 'since', value: '5' });
    const docs = await contactDocs(3);
    // Its predecessor failed (the checkpoint is still before it): this chunk must not skip what that one held.
    await expect(applyRemoteDocs(db, docs, { since: '9', after: '3' })).rejects.toBeInstanceOf(CheckpointMoved);
    expect(await db.contacts.count()).toBe(0);
    expect(await db.syncState.count()).toBe(0);
    expect((await db.syncMeta.get('since'))?.value).toBe('5');
    // Following the stored one, it writes.
    await applyRemoteDocs(db, docs, { since: '9', after: '5' });
    expect(await db.contacts.count()).toBe(3);
    expect((await db.syncMeta.get('since'))?.value).toBe('9');
  });

  it('writes nothing when a record it decided to write unread was changed here while it waited its turn', async () => {
    const db = await freshDb();
    const docs = await contactDocs(3);
    const marked = new Set<string>();
    const lookup = { known: new Set<string>(), markedHere: marked, deals: new Set<string>() };
    // It decided not to read these sync rows (none known), and as it writes them a local write marks one (as one
    // queued before it, which ran first, would have).
    const hook = () => {
      marked.add(docs[1]!._id);
    };
    db.contacts.hook('creating', hook);
    await expect(applyRemoteDocs(db, docs, { since: '9', after: '0', lookup })).rejects.toBeInstanceOf(CheckpointMoved);
    db.contacts.hook('creating').unsubscribe(hook);
    expect(await db.contacts.count()).toBe(0);
    // The next try reads that row (it is marked now).
    await applyRemoteDocs(db, docs, { since: '9', after: '0', lookup });
    expect(await db.contacts.count()).toBe(3);
  });
});

afterEach(() => {
  syncIdentity.tracking = false;
  resetGiveWay();
});

describe('the rep first', { timeout: 30_000 }, () => {
  it('gives way while the popup opens, and still moves when the popup opens again and again', async () => {
    const db = await freshDb();
    const written: unknown[] = [];
    // A popup opening during every write (each writes its checkpoint): the pull must still end.
    const popupOpens = (checkpoint: unknown) => {
      written.push(checkpoint);
      giveWayToRep();
    };
    db.syncMeta.hook('creating', (_key, row) => popupOpens(row.value));
    db.syncMeta.hook('updating', (changes) => popupOpens((changes as { value?: unknown }).value));
    giveWayToRep();
    const started = performance.now();
    expect(await pullAll(db, countingClient().client)).toBe(CONTACTS);
    const took = performance.now() - started;
    expect(written.length).toBeGreaterThan(1);
    // It waited before its first write, and wrote a chunk at least every MUST_MOVE_MS however often the popup opened.
    expect(took).toBeGreaterThanOrEqual(GIVE_WAY_MS - 5);
    expect(took).toBeLessThan((written.length + 1) * (MUST_MOVE_MS + GIVE_WAY_MS) + 5_000);
  });

  it('queues no write while the popup opens: its read waits only for the chunks already in flight', async () => {
    const db = await freshDb();
    const changes = (await couch.admin('GET', `${DB}/_changes`)).body as { results: { id: string }[] };
    const issued: { checkpoint: unknown; at: number }[] = [];
    const record = (checkpoint: unknown) => {
      issued.push({ checkpoint, at: performance.now() });
    };
    db.syncMeta.hook('creating', (_key, row) => record(row.value));
    db.syncMeta.hook('updating', (change) => record((change as { value?: unknown }).value));
    let popupAt = 0;
    let seen: Promise<number> | undefined;
    db.contacts.hook('creating', () => {
      // The popup opens while the pull's first chunk is being written, and reads what is stored.
      if (seen) return;
      giveWayToRep();
      popupAt = performance.now();
      seen = Dexie.ignoreTransaction(() => db.contacts.count());
    });
    expect(await pullAll(db, countingClient().client)).toBe(CONTACTS);
    await expectPulledClean(db);
    // While the popup had the database, only the chunks made before it opened were written (two at most in flight).
    const during = issued.filter((c) => c.at >= popupAt && c.at < popupAt + GIVE_WAY_MS - 5);
    expect(during.length).toBeGreaterThan(0);
    expect(during.length).toBeLessThanOrEqual(2);
    expect(issued.some((c) => c.at >= popupAt + GIVE_WAY_MS - 5)).toBe(true);
    // The popup's read came after those and before anything else: it saw exactly what they wrote.
    const [covered] = positions([during.at(-1)!.checkpoint]);
    expect(await seen).toBe(changes.results.slice(0, covered! + 1).filter((c) => c.id.startsWith('contact:')).length);
  });

  it('withdraws the chunk queued behind the running one when the popup opens, and writes it once the popup is done', async () => {
    /** Each write transaction of the pull, in the order made: the contacts it wrote, and how it ended. */
    const txs: { tx: IDBTransaction; ids: string[]; ended?: string; at: number }[] = [];
    let popup: { at: number; seen: Promise<number> } | undefined;
    let pulling = false;
    // Watched before the database opens: Dexie keeps the method it finds then.
    const proto = IDBDatabase.prototype;
    const made = proto.transaction;
    proto.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      const tx = made.apply(this, args);
      const names = [args[0]].flat();
      if (!pulling || args[1] !== 'readwrite' || !names.includes('syncMeta')) return tx;
      const entry: (typeof txs)[number] = { tx, ids: [], at: performance.now() };
      for (const end of ['complete', 'abort'])
        tx.addEventListener(end, () => {
          entry.ended = end;
        });
      txs.push(entry);
      // The popup opens as the second chunk is queued behind the first, still running: it reads what is stored.
      if (!popup && txs.length === 2 && !txs[0]!.ended) {
        giveWayToRep();
        popup = { at: performance.now(), seen: Dexie.ignoreTransaction(() => db.contacts.count()) };
      }
      return tx;
    };
    const db = await freshDb().finally(() => {
      proto.transaction = made;
    });
    db.contacts.hook('creating', (_key, row, tx) => {
      txs.find((t) => t.tx === tx.idbtrans)?.ids.push(row.id);
    });
    pulling = true;
    expect(await pullAll(db, countingClient().client)).toBe(CONTACTS);
    await expectPulledClean(db);
    expect(popup).toBeDefined();
    const [first, second, ...rest] = txs;
    // The queued chunk was withdrawn before it ran: the popup's read waited for the first chunk only.
    expect(first!.ended).toBe('complete');
    expect(second!.ended).toBe('abort');
    expect(second!.ids).toEqual([]);
    expect(await popup!.seen).toBe(first!.ids.length);
    // Made again once the popup had the database no more, and written; every chunk ran once, nothing twice.
    expect(rest[0]!.at).toBeGreaterThanOrEqual(popup!.at + GIVE_WAY_MS - 5);
    expect(rest.every((t) => t.ended === 'complete')).toBe(true);
    const ids = [first!, ...rest].flatMap((t) => t.ids);
    expect(new Set(ids).size).toBe(CONTACTS);
    expect(ids).toHaveLength(CONTACTS);
  });
});
