import type { ProspectorDb } from '../db/database';
import { type Activity, newId } from '../model';
import type { IncomingDoc } from './documents';
import { recordOf } from './documents';
import { sameValue } from './field-times';
import { docIdOf, parseDocId, type SyncedTable } from './kinds';
import { type FieldConflict, mergeRecords } from './merge';
import { markRemoteTransaction, type SyncStateRow } from './sync-middleware';

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
  // Only the tables this page touches are locked while it is written: a page of activities leaves the contacts and
  // deals free for the popup and the board to read, and a page of contacts or deals locks the timeline only when
  // one of them has unpushed changes here (a merge may add a timeline entry). On a first pull none has.
  const touched = new Set<string>(byTable.keys());
  const mergeable = [...(byTable.get('contacts') ?? []), ...(byTable.get('deals') ?? [])].map((x) => x.doc._id);
  const withTimeline = !opts.force && (await anyDirty(db, mergeable));
  let written: ApplyResult;
  try {
    written = await writeDocs(db, byTable, touched, withTimeline, opts);
  } catch (err) {
    // A local edit came in between the check and the write: write again, with the timeline in the transaction.
    if (!(err instanceof NeedsTimeline)) throw err;
    written = await writeDocs(db, byTable, touched, true, opts);
  }
  return { ...written, skipped: written.skipped + result.skipped };
}

/** Thrown (aborting the transaction) when a merge needs a timeline entry the transaction cannot write. */
class NeedsTimeline extends Error {}

async function anyDirty(db: ProspectorDb, docIds: string[]): Promise<boolean> {
  if (!docIds.length) return false;
  return (await db.syncState.bulkGet(docIds)).some((row) => row?.dirty === 1);
}

async function writeDocs(
  db: ProspectorDb,
  byTable: Map<SyncedTable, { id: string; doc: IncomingDoc }[]>,
  touched: Set<string>,
  withTimeline: boolean,
  opts: ApplyOptions,
): Promise<ApplyResult> {
  const result: ApplyResult = { written: 0, merged: 0, skipped: 0 };
  const scope = new Set(touched);
  if (withTimeline) scope.add('activities');
  const tables = [...scope].map((name) => db.table(name));
  await db.transaction('rw', [...tables, db.syncState, db.syncMeta], async () => {
    markRemoteTransaction();
    const states: SyncStateRow[] = [];
    const conflictNotes: Activity[] = [];
    for (const [table, items] of byTable) {
      const olds = await db.syncState.bulkGet(items.map((x) => x.doc._id));
      // The local records are read only where a merge may be needed (unpushed changes here): on a first pull, none.
      const toMerge = opts.force || table === 'activities' ? [] : items.filter((_, i) => olds[i]?.dirty);
      const found = toMerge.length ? await db.table(table).bulkGet(toMerge.map((x) => x.id)) : [];
      const localOf = new Map(toMerge.map((x, k) => [x.id, found[k] as Row | undefined]));
      const puts: Row[] = [];
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
          puts.push(remote);
          states.push({ docId: doc._id, rev: doc._rev, dirty: 0, times, base: times, deleted: 0 });
          result.written++;
          return;
        }
        const merged = mergeRecords(table, { record: local, times: old.times }, { record: remote, times }, old.base);
        puts.push(merged.record);
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
      if (puts.length) await db.table(table).bulkPut(puts);
      if (deletes.length) await db.table(table).bulkDelete(deletes);
    }
    if (conflictNotes.length) {
      if (!scope.has('activities')) throw new NeedsTimeline();
      await db.activities.bulkAdd(conflictNotes);
      const now = Date.now();
      for (const a of conflictNotes) {
        const times = Object.fromEntries(Object.keys(a).map((k) => [k, now]));
        states.push({ docId: docIdOf('activities', a.id), rev: null, dirty: 1, times, deleted: 0 });
      }
    }
    if (states.length) await db.syncState.bulkPut(states);
    if (opts.since !== undefined) await db.syncMeta.put({ key: 'since', value: opts.since });
  });
  return result;
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
