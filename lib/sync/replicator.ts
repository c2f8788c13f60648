import type { ProspectorDb } from '../db/database';
import { withoutSyncField } from '../db/sync-field';
import { applyRemoteDocs, CheckpointMoved } from './apply-remote';
import { type CouchClient, CouchError } from './couch';
import { IncomingDoc, type TeamDoc } from './documents';
import { afterRep } from './give-way';
import { parseDocId, type SyncedTable } from './kinds';
import { type Change, ChunkWriter, newPace, seqText } from './pull-chunks';
import { type SyncStateRow, watchLocalMarks } from './sync-middleware';

/** Documents per _bulk_docs: few round trips for a first push. */
export const BATCH = 1000;
/**
 * Changes per _changes request. The server's cost is mostly per request (pouchdb-server took twice as long to
 * serve 55,000 changes in pages of 250 as in pages of 5,000), so pages are large; they are written locally in
 * smaller transactions (lib/sync/pull-chunks.ts).
 */
export const PULL_PAGE = 2000;
/** From this many changes in a pull's first page, its chunks look up only the sync rows known to exist (Pace). */
export const LARGE_PULL = 500;

/** A change the server refused (403 from the design document's validate_doc_update). */
export interface Refusal {
  docId: string;
  reason: string;
}

export interface PushResult {
  pushed: number;
  conflicts: number;
  refused: Refusal[];
}

interface BulkResult {
  id: string;
  rev?: string;
  ok?: boolean;
  error?: string;
  reason?: string;
}

function sameTimes(a: Record<string, number>, b: Record<string, number>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

/** The documents for some dirty sync rows, as the server should hold them. */
async function docsFor(db: ProspectorDb, rows: SyncStateRow[], user: string): Promise<(TeamDoc | null)[]> {
  const byTable = new Map<SyncedTable, number[]>();
  rows.forEach((row, i) => {
    const p = parseDocId(row.docId);
    if (!p) return;
    byTable.set(p.table, [...(byTable.get(p.table) ?? []), i]);
  });
  const docs: (TeamDoc | null)[] = rows.map(() => null);
  const fetched = new Map<SyncedTable, (Record<string, unknown> | undefined)[]>();
  for (const [table, at] of byTable)
    fetched.set(table, await db.table(table).bulkGet(at.map((i) => parseDocId(rows[i]!.docId)!.id)));
  const demo = await demoContacts(db, fetched);
  for (const [table, at] of byTable) {
    const records = fetched.get(table)!;
    at.forEach((i, k) => {
      const row = rows[i]!;
      const rev = row.rev ? { _rev: row.rev } : {};
      const record = records[k];
      // The demo pipeline is practice: it never leaves this browser (as it never leaves in an export).
      if (record && (record.demo === true || demo.has(String(record.contactId)))) return;
      if (row.deleted || !record) {
        // Never on the server: nothing to delete there.
        docs[i] = row.rev ? { _id: row.docId, ...rev, _deleted: true, by: user } : null;
        return;
      }
      const data = withoutSyncField(record);
      docs[i] = { _id: row.docId, ...rev, kind: row.docId.split(':')[0], data, times: row.times, by: user };
    });
  }
  return docs;
}

/** The demo contacts ("Load demo pipeline") among those the records of a batch belong to. */
async function demoContacts(
  db: ProspectorDb,
  fetched: Map<SyncedTable, (Record<string, unknown> | undefined)[]>,
): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const [table, records] of fetched)
    if (table !== 'contacts' && table !== 'stages')
      for (const r of records) if (typeof r?.contactId === 'string') ids.add(r.contactId);
  if (!ids.size) return new Set();
  const contacts = await db.contacts.bulkGet([...ids]);
  return new Set(contacts.filter((c) => (c as { demo?: boolean } | undefined)?.demo === true).map((c) => c!.id));
}

/** The server's current version of some documents (deleted ones as tombstones; missing ones left out). */
export async function fetchDocs(client: CouchClient, ids: string[]): Promise<IncomingDoc[]> {
  if (!ids.length) return [];
  const res = await client.request<{
    rows: { id?: string; value?: { rev: string; deleted?: boolean }; doc?: unknown }[];
  }>('POST', client.dbPath('_all_docs'), { query: { include_docs: true }, body: { keys: ids } });
  const out: IncomingDoc[] = [];
  for (const row of res.rows) {
    if (row.doc) {
      const parsed = IncomingDoc.safeParse(row.doc);
      if (parsed.success) out.push(parsed.data);
    } else if (row.id && row.value?.deleted) out.push({ _id: row.id, _rev: row.value.rev, _deleted: true });
  }
  return out;
}

/**
 * POST _bulk_docs. A session the server no longer knows (it restarted) answers 200 with every document
 * "unauthorized" rather than 401: sign in again and resend once; if it is still so, the user may not write here.
 */
async function bulkDocs(client: CouchClient, docs: TeamDoc[]): Promise<BulkResult[]> {
  const send = () => client.request<BulkResult[]>('POST', client.dbPath('_bulk_docs'), { body: { docs } });
  let answers = await send();
  const unauthorised = () => answers.find((a) => a.error === 'unauthorized');
  if (unauthorised()) {
    client.expireSession();
    answers = await send();
    const still = unauthorised();
    if (still) throw new CouchError('forbidden', 403, still.reason ?? 'unauthorized');
  }
  return answers;
}

/**
 * Pushes local changes (sync rows marked dirty) with _bulk_docs, a batch at a time. A document someone changed
 * meanwhile (409) is fetched, merged field by field and pushed again on the next round. A change the server
 * refuses (403) is reported and the record goes back to the server's version: the team's copy is the truth for
 * what this user may not change.
 */
export async function push(db: ProspectorDb, client: CouchClient, user: string): Promise<PushResult> {
  const result: PushResult = { pushed: 0, conflicts: 0, refused: [] };
  // Each round either clears rows or merges a conflict into them; a document changing under us on every round
  // is retried on the next sync rather than here forever.
  for (let round = 0; round < 50; round++) {
    const rows = await db.syncState.where('dirty').equals(1).limit(BATCH).toArray();
    if (!rows.length) break;
    const built = await docsFor(db, rows, user);
    const nothing = rows.filter((_, i) => !built[i]);
    if (nothing.length) await db.syncState.bulkDelete(nothing.map((r) => r.docId));
    const sent = rows.filter((_, i) => built[i]);
    const docs = built.filter((d): d is TeamDoc => d !== null);
    if (!docs.length) continue;
    const answers = await bulkDocs(client, docs);
    const byId = new Map(answers.map((a) => [a.id, a]));
    const conflicted: string[] = [];
    const refused: Refusal[] = [];
    await db.transaction('rw', db.syncState, async () => {
      const now = await db.syncState.bulkGet(sent.map((r) => r.docId));
      const puts: SyncStateRow[] = [];
      sent.forEach((row, i) => {
        const answer = byId.get(row.docId);
        const cur = now[i];
        if (!answer || !cur) return;
        if (answer.ok && answer.rev) {
          result.pushed++;
          // Changed again while the push was on the wire: keep it dirty, with the new revision.
          const unchanged = sameTimes(cur.times, row.times) && cur.deleted === row.deleted;
          puts.push(unchanged ? { ...cur, rev: answer.rev, dirty: 0, base: cur.times } : { ...cur, rev: answer.rev });
        } else if (answer.error === 'conflict') conflicted.push(row.docId);
        else if (answer.error === 'forbidden')
          refused.push({ docId: row.docId, reason: answer.reason ?? answer.error });
        // Anything else (a server error on one document) stays dirty and goes again on the next round.
      });
      if (puts.length) await db.syncState.bulkPut(puts);
    });
    // Nothing went through and nothing to merge or put back: the server failed these; the next sync tries again.
    if (!conflicted.length && !refused.length && !answers.some((a) => a.ok)) break;
    if (conflicted.length) {
      result.conflicts += conflicted.length;
      await applyRemoteDocs(db, await fetchDocs(client, conflicted));
    }
    if (refused.length) {
      result.refused.push(...refused);
      const ids = refused.map((r) => r.docId);
      const server = await fetchDocs(client, ids);
      await applyRemoteDocs(db, server, { force: true });
      // Not on the server at all (a new record this user may not create): kept here, not retried.
      const known = new Set(server.map((d) => d._id));
      const orphans = ids.filter((id) => !known.has(id));
      if (orphans.length) await db.syncState.where('docId').anyOf(orphans).modify({ dirty: 0 });
    }
  }
  return result;
}

export interface PullResult {
  applied: number;
  since: string;
  /** More changes wait on the server (the page was full). */
  more: boolean;
}

interface ChangesPage {
  results: Change[];
  last_seq: unknown;
  pending?: number;
}

interface FetchedPage {
  /** The changes as received, checked chunk by chunk when written (the worker's loop stays free meanwhile). */
  results: Change[];
  since: string;
  full: boolean;
}

/** One page of _changes after `since`, not yet checked nor applied. */
async function fetchPage(
  client: CouchClient,
  since: string,
  opts: { live?: boolean; timeoutMs?: number; signal?: AbortSignal; limit?: number },
): Promise<FetchedPage> {
  const limit = opts.limit ?? PULL_PAGE;
  const query: Record<string, string | number | boolean> = { since, include_docs: true, limit };
  if (opts.live) Object.assign(query, { feed: 'longpoll', timeout: opts.timeoutMs ?? 25_000 });
  // A prefetched page is read once the rep has the worker back (a live one is a change to show now).
  const beforeRead = opts.live ? undefined : () => afterRep();
  const page = await client.request<ChangesPage>('GET', client.dbPath('_changes'), {
    query,
    signal: opts.signal,
    beforeRead,
  });
  const results = Array.isArray(page.results) ? page.results : [];
  return { results, since: seqText(page.last_seq), full: results.length >= limit };
}

async function storedSince(db: ProspectorDb): Promise<string> {
  return String((await db.syncMeta.get('since'))?.value ?? '0');
}

/**
 * Pulls one page of the database's _changes since the checkpoint and applies it; the checkpoint moves in the same
 * transaction as the rows. `live`: a longpoll that waits for the next change (up to `timeoutMs`).
 */
export async function pullPage(
  db: ProspectorDb,
  client: CouchClient,
  opts: { live?: boolean; timeoutMs?: number; signal?: AbortSignal; limit?: number } = {},
): Promise<PullResult> {
  const since = await storedSince(db);
  const page = await fetchPage(client, since, opts);
  const writer = new ChunkWriter(db, newPace(), since);
  try {
    await writer.writePage(page.results, page.since);
    await writer.finish();
  } catch (err) {
    // Someone else moved the checkpoint: the next pull resumes from it.
    if (!(err instanceof CheckpointMoved)) throw err;
  }
  return { applied: writer.applied, since: page.since, more: page.full };
}

/** Restarts of one pullAll from the stored checkpoint when someone else moved it, before it gives up. */
const RESTARTS = 3;

/**
 * Pulls until the local copy has caught up with the server. The next page is fetched while the current one is
 * written (the server's work and ours overlap, rather than taking turns); pages are written in order, each chunk
 * with its checkpoint, two transactions in flight (lib/sync/pull-chunks.ts), so a stop at any moment resumes
 * where the rows stop. If the checkpoint moves under it (Delete all data, a local write it must read first), it
 * starts again from the stored one.
 */
export async function pullAll(db: ProspectorDb, client: CouchClient, signal?: AbortSignal): Promise<number> {
  let applied = 0;
  for (let restart = 0; ; restart++) {
    const writer = new ChunkWriter(db, newPace(), await storedSince(db));
    try {
      await pullFrom(db, client, writer, signal);
      return applied + (await writer.finish());
    } catch (err) {
      if (!(err instanceof CheckpointMoved) || restart >= RESTARTS) throw err;
      applied += writer.applied;
    }
  }
}

async function pullFrom(db: ProspectorDb, client: CouchClient, writer: ChunkWriter, signal?: AbortSignal) {
  let page = await fetchPage(client, writer.since, { signal });
  // A large pull (a first one, or one after long offline): which documents have sync rows is read once, in one
  // request, instead of one get per pulled document (on a first pull, most have none yet).
  const marks = page.results.length >= LARGE_PULL ? watchLocalMarks() : undefined;
  try {
    if (marks)
      writer.pace.lookup = {
        known: new Set((await db.syncState.toCollection().primaryKeys()) as string[]),
        markedHere: marks.ids,
        deals: new Set(await db.deals.toCollection().primaryKeys()),
      };
    for (;;) {
      const next = page.full ? fetchPage(client, page.since, { signal }) : undefined;
      // A failed prefetch is seen when awaited below, not as an unhandled rejection meanwhile.
      next?.catch(() => undefined);
      await writer.writePage(page.results, page.since);
      if (!next) return;
      page = await next;
    }
  } finally {
    // Only once the last chunk is written: local writes are watched as long as a chunk may decide without them.
    await writer.settled();
    marks?.stop();
  }
}

/**
 * Mirrors the checkpoint to the server in `_local/<replication id>` (never replicated, as in CouchDB's own
 * replicator), so an admin can see how far each browser has read. The local copy, written with the rows, is
 * the one resumed from: after "Delete all data" it is gone and the next pull starts over.
 */
export async function saveServerCheckpoint(client: CouchClient, replicationId: string, since: string): Promise<void> {
  const path = client.dbPath(`_local/${encodeURIComponent(replicationId)}`);
  let rev: string | undefined;
  try {
    rev = (await client.request<{ _rev?: string }>('GET', path))._rev;
  } catch {
    rev = undefined;
  }
  await client.request('PUT', path, { body: { ...(rev ? { _rev: rev } : {}), last_seq: since, at: Date.now() } });
}
