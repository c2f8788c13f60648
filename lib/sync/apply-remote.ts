import type { ProspectorDb } from '../db/database';
import { writingNewDeals } from '../db/derived-index';
import { type Activity, newId } from '../model';
import type { IncomingDoc } from './documents';
import { recordOf } from './documents';
import { embedSync } from './embedded';
import { sameValue } from './field-times';
import { docIdOf, parseDocId, type SyncedTable } from './kinds';
import { type FieldConflict, mergeRecords } from './merge';
import { markRemoteTransaction, type SyncStateRow, writingAsPulled } from './sync-middleware';

type Row = Record<string, unknown>;

export interface ApplyResult {
  written: number;
  merged: number;
  skipped: number;
}

export interface ApplyOptions {
  /** The server's version replaces the local one even if it has unpushed changes (a refused write). */
  force?: boolean;
  /** Stored in syncMeta in the same transaction: the pull's checkpoint moves with the rows it covers. */
  since?: string;
  /** Shared by the chunks of one pull: how their sync rows are looked up (syncRowsOf). */
  lookup?: SyncRowLookup;
  /**
   * The checkpoint this write follows (the one its predecessor in the pull wrote): if the stored one is another
   * (that write failed, or the checkpoint was reset meanwhile), nothing is written and CheckpointMoved is thrown.
   */
  after?: string;
  /** Aborts the transaction (nothing written; the promise rejects): a pull withdrawing a queued chunk. */
  signal?: AbortSignal;
}

/**
 * A pull's write found another checkpoint than the one it follows (ApplyOptions.after), or a record it was about
 * to write without reading its sync row changed here meanwhile: it wrote nothing, and the pull stops there (the
 * next one resumes from the checkpoint stored).
 */
export class CheckpointMoved extends Error {
  constructor(why: string) {
    super(`The pull stopped, nothing written: ${why}`);
    this.name = 'CheckpointMoved';
  }
}

/**
 * How a large pull finds the sync rows of the documents it writes. IndexedDB's cost is per request, and on a first
 * pull almost no pulled document has a row yet: `known` holds every document id that may have one (the rows there
 * were when the pull started, the ones it wrote since, and `markedHere`, the ones local writes marked meanwhile,
 * lib/sync/sync-middleware.ts watchLocalMarks), and only those are read. A rep's write to a record the pull has not
 * reached yet needs that record here already, so it has a row the pull knows of (a record pulled or queued on
 * connecting), or it is a new record with an id of its own; `markedHere` covers the rest.
 */
export interface SyncRowLookup {
  known: Set<string>;
  markedHere: ReadonlySet<string>;
  /**
   * The ids of the deals stored here when the pull started, and of those it wrote since: any other deal it writes
   * has no board row to take out of its stage's totals (lib/db/derived-index.ts writingNewDeals), unless a local
   * write marked it meanwhile.
   */
  deals: Set<string>;
}

/**
 * The sync rows of some documents, in their order (undefined: none). Those not read are added to `unread`; all of
 * them may have rows from now on (`known`), so a chunk queued behind this one looks them up.
 */
async function syncRowsOf(
  db: ProspectorDb,
  docIds: readonly string[],
  lookup: SyncRowLookup | undefined,
  unread: string[],
): Promise<(SyncStateRow | undefined)[]> {
  if (!lookup) return db.syncState.bulkGet([...docIds]);
  const mayHave = docIds.filter((id) => lookup.known.has(id) || lookup.markedHere.has(id));
  for (const id of docIds) {
    if (!lookup.known.has(id) && !lookup.markedHere.has(id)) unread.push(id);
    lookup.known.add(id);
  }
  if (!mayHave.length) return docIds.map(() => undefined);
  const rows = await db.syncState.bulkGet(mayHave);
  const byId = new Map(mayHave.map((id, i) => [id, rows[i]]));
  return docIds.map((id) => byId.get(id));
}

/**
 * Writes documents pulled from the team's server into the local tables, through the same Dexie writes as local
 * changes, so the derived tables (board rows, totals, forecast rows, search keys) are rebuilt by their
 * middleware. A record with unpushed local changes is merged field by field (lib/sync/merge.ts) and stays
 * dirty, so the merge goes back to the server; fields both sides changed are written to the timeline.
 */
export async function applyRemoteDocs(
  db: ProspectorDb,
  docs: readonly IncomingDoc[],
  opts: ApplyOptions = {},
): Promise<ApplyResult> {
  const result: ApplyResult = { written: 0, merged: 0, skipped: 0 };
  const byTable = new Map<SyncedTable, { id: string; doc: IncomingDoc }[]>();
  for (const doc of docs) {
    const parsed = parseDocId(doc._id);
    if (!parsed) {
      result.skipped++;
      continue;
    }
    const list = byTable.get(parsed.table) ?? [];
    list.push({ id: parsed.id, doc });
    byTable.set(parsed.table, list);
  }
  const written = await writeDocs(db, byTable, opts);
  return { ...written, skipped: written.skipped + result.skipped };
}

async function writeDocs(
  db: ProspectorDb,
  byTable: Map<SyncedTable, { id: string; doc: IncomingDoc }[]>,
  opts: ApplyOptions,
): Promise<ApplyResult> {
  const result: ApplyResult = { written: 0, merged: 0, skipped: 0 };
  // The tables this page touches. A merged contact or deal may add a timeline entry, and a pulled contact or note
  // may change the suggestions of the rep's own unpushed deals (refreshUnpushedDeals): lib/pipeline/bant-on-write.ts
  // adds deals, contacts, stages and activities to every write of contacts, deals or activities anyway, so naming
  // them here locks nothing more.
  const scope = new Set<string>(byTable.keys());
  if (scope.has('contacts') || scope.has('deals') || scope.has('activities'))
    for (const name of ['contacts', 'deals', 'activities']) scope.add(name);
  const tables = [...scope].map((name) => db.table(name));
  await db.transaction('rw', [...tables, db.syncState, db.syncMeta], async (tx) => {
    markRemoteTransaction();
    const abort = () => {
      try {
        tx.abort();
      } catch {
        // Already committed: it stands.
      }
    };
    if (opts.signal?.aborted) abort();
    opts.signal?.addEventListener('abort', abort, { once: true });
    // Asked first, checked last: the writes are issued without waiting for it, and all undone if it differs.
    const stored = opts.after === undefined ? undefined : db.syncMeta.get('since');
    stored?.catch(() => undefined);
    /** Documents whose sync rows were not read (SyncRowLookup): none may have been marked by a local write. */
    const unread: string[] = [];
    const states: SyncStateRow[] = [];
    const conflictNotes: Activity[] = [];
    /** Contacts whose record or activities were written as pulled: their unpushed deals are suggested afresh. */
    const evidenceOf = new Set<string>();
    // Read while the rows are written, not after (each wait on IndexedDB leaves it idle for a round trip).
    // (Dexie's own promises only, never a native async function left running: its transaction zone would be lost.)
    const unpushed = scope.has('activities') ? unpushedDealIds(db) : undefined;
    // A failed write aborts the transaction, and this read with it: the write's error is the one reported.
    unpushed?.catch(() => undefined);
    for (const [table, items] of byTable) {
      const olds = await syncRowsOf(
        db,
        items.map((x) => x.doc._id),
        opts.lookup,
        unread,
      );
      // The local records are read only where a merge may be needed (unpushed changes here): on a first pull, none.
      const toMerge = opts.force || table === 'activities' ? [] : items.filter((_, i) => olds[i]?.dirty);
      const found = toMerge.length ? await db.table(table).bulkGet(toMerge.map((x) => x.id)) : [];
      const localOf = new Map(toMerge.map((x, k) => [x.id, found[k] as Row | undefined]));
      // As the server holds them (their writers' suggestions in them), and merged here (suggested afresh).
      const puts: Row[] = [];
      const merges: Row[] = [];
      const deletes: string[] = [];
      items.forEach(({ id, doc }, i) => {
        const old = olds[i];
        if (old && old.rev === doc._rev && !opts.force) {
          result.skipped++; // Our own write coming back, or a change already applied.
          return;
        }
        const times = doc.times ?? {};
        if (doc._deleted) {
          deletes.push(id);
          states.push({ docId: doc._id, rev: doc._rev, dirty: 0, times, base: times, deleted: 1 });
          result.written++;
          return;
        }
        const remote = recordOf(table, id, doc);
        if (!remote) {
          result.skipped++;
          return;
        }
        const local = localOf.get(id);
        if (!local || !old?.dirty || opts.force || table === 'activities') {
          // Without a row here, the record carries its state itself: one request instead of two (embedded.ts).
          puts.push(old ? remote : embedSync(remote, doc._rev, times));
          if (table === 'contacts') evidenceOf.add(id);
          if (table === 'activities') evidenceOf.add(String(remote.contactId));
          if (old) states.push({ docId: doc._id, rev: doc._rev, dirty: 0, times, base: times, deleted: 0 });
          result.written++;
          return;
        }
        const merged = mergeRecords(table, { record: local, times: old.times }, { record: remote, times }, old.base);
        merges.push(merged.record);
        // The server already holds what the merge gives (the same edit made on both sides, a record queued on
        // connecting that the team has as is): nothing to send back.
        const same = sameValue(merged.record, remote);
        states.push({
          docId: doc._id,
          rev: doc._rev,
          dirty: same ? 0 : 1,
          times: same ? times : merged.times,
          base: times,
          deleted: 0,
        });
        result.merged++;
        // Stages have no timeline: their merge is kept, not noted.
        if (merged.conflicts.length && (table === 'contacts' || table === 'deals'))
          conflictNotes.push(conflictActivity(table, merged.record, merged.conflicts));
      });
      if (puts.length) await writingAsPulled(() => putPulled(db, table, puts, opts.lookup));
      if (merges.length) await db.table(table).bulkPut(merges);
      if (deletes.length) await db.table(table).bulkDelete(deletes);
    }
    const ownDeals = unpushed ? await unpushed : [];
    if (evidenceOf.size && ownDeals.length) await refreshUnpushedDeals(db, ownDeals, evidenceOf);
    if (conflictNotes.length) {
      await db.activities.bulkAdd(conflictNotes);
      const now = Date.now();
      for (const a of conflictNotes) {
        const times = Object.fromEntries(Object.keys(a).map((k) => [k, now]));
        states.push({ docId: docIdOf('activities', a.id), rev: null, dirty: 1, times, deleted: 0 });
      }
    }
    // Both issued before either is waited for.
    const writingStates = states.length ? db.syncState.bulkPut(states) : undefined;
    // Awaited below, unless the check throws first (then the transaction's abort is the error).
    writingStates?.catch(() => undefined);
    if (stored) {
      const found = String((await stored)?.value ?? '0');
      if (found !== opts.after) throw new CheckpointMoved(`expected ${opts.after}, found ${found}`);
    }
    // Decided before this transaction started (it may have been queued behind another): a local write made
    // meanwhile to a record of this chunk would be overwritten. All undone; the next pull reads its row.
    const late = opts.lookup && unread.find((id) => opts.lookup!.markedHere.has(id));
    if (late) throw new CheckpointMoved(`${late} was changed here while the pull was queued`);
    if (opts.since !== undefined) await db.syncMeta.put({ key: 'since', value: opts.since });
    await writingStates;
    if (opts.lookup) for (const a of conflictNotes) opts.lookup.known.add(docIdOf('activities', a.id));
  });
  return result;
}

/** Records written as the server holds them; a large pull's new deals without a read of their board rows. */
function putPulled(db: ProspectorDb, table: SyncedTable, puts: Row[], lookup: SyncRowLookup | undefined) {
  const write = () => db.table(table).bulkPut(puts);
  if (table !== 'deals' || !lookup) return write();
  const isNew = (id: string) => !lookup.deals.has(id) && !lookup.markedHere.has(docIdOf('deals', id));
  const fresh = new Set(puts.map((r) => String(r.id)).filter(isNew));
  for (const r of puts) lookup.deals.add(String(r.id));
  return writingNewDeals((id) => fresh.has(id), write);
}

/**
 * A pulled deal carries the suggestions its writer computed, and a teammate's note or contact edit reached the
 * team with the deal changes it caused (their writer's lib/pipeline/bant-on-write.ts wrote them in the same
 * transaction, and they sync too). What no teammate could see is this rep's own unpushed deals: those of the
 * given contacts are written again here, so the middleware suggests them from the evidence now stored. On a first
 * pull there are none, and this is one read of the dirty index.
 */
async function refreshUnpushedDeals(
  db: ProspectorDb,
  ids: readonly string[],
  contactIds: ReadonlySet<string>,
): Promise<void> {
  const deals = (await db.deals.bulkGet([...ids])).filter((d) => d !== undefined && contactIds.has(d.contactId));
  if (deals.length) await db.deals.bulkPut(deals as NonNullable<(typeof deals)[number]>[]);
}

/** The deals with unpushed changes here (one read of the sync rows' dirty index: on a first pull, empty). */
function unpushedDealIds(db: ProspectorDb) {
  return db.syncState
    .where('dirty')
    .equals(1)
    .primaryKeys()
    .then((dirty) =>
      (dirty as string[]).flatMap((docId) => {
        const p = parseDocId(docId);
        return p?.table === 'deals' ? [p.id] : [];
      }),
    );
}

/**
 * "Updated (merged with a teammate's change)": both values of each field two reps changed at once, so the
 * timeline shows both edits and which one the record kept.
 */
function conflictActivity(table: SyncedTable, record: Row, conflicts: FieldConflict[]): Activity {
  const contactId = String(table === 'contacts' ? record.id : record.contactId);
  const dealId = table === 'deals' ? String(record.id) : null;
  return {
    id: newId(),
    contactId,
    dealId,
    type: 'updated',
    at: Date.now(),
    payload: {
      fields: [...new Set(conflicts.map((c) => c.field.split('.')[0]))],
      merged: true,
      // As a rep's own edit records it, so the timeline reads "Title changed from <theirs> to <kept>".
      changes: conflicts.map((c) => ({ field: c.field, from: c.replaced, to: c.kept })),
      ...(table === 'deals' ? { currency: record.currency } : {}),
      kept: Object.fromEntries(conflicts.map((c) => [c.field, c.kept])),
      replaced: Object.fromEntries(conflicts.map((c) => [c.field, c.replaced])),
    },
  };
}
