import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import Dexie from 'dexie';
import { SYNC_FIELD, withoutSyncField } from '../db/sync-field';
import { embeddedState } from './embedded';
import { changedFields, type FieldTimes } from './field-times';
import { docIdOf, isSyncedTable, SYNCED_TABLES, type SyncedTable } from './kinds';

/** One record's place in the team sync. */
export interface SyncStateRow {
  docId: string;
  /** The server's revision of the document as last pushed or pulled; null: never on the server. */
  rev: string | null;
  /** 1: changed here since it was last pushed. */
  dirty: 0 | 1;
  /** When each field last changed (see lib/sync/field-times.ts). */
  times: FieldTimes;
  /** The field times of the server's version as last pushed or pulled: a field whose time differs changed since. */
  base?: FieldTimes;
  /** 1: deleted here for good (a removed stage): pushed as a CouchDB tombstone. */
  deleted?: 0 | 1;
}

export interface SyncMetaRow {
  key: string;
  value: unknown;
}

/** Write transactions opened while a team is set up: their writes to shared tables are recorded. */
const tracked = new WeakSet<object>();

/** Written by the replicator when it applies pulled documents: those writes are not local changes to push. */
const remoteTransactions = new WeakSet<object>();

/** Remote transactions currently writing records exactly as the server holds them (see writingAsPulled). */
const asPulled = new WeakSet<object>();

const currentIdbTransaction = () => (Dexie.currentTransaction as unknown as { idbtrans?: object } | null)?.idbtrans;

/** Marks the current Dexie transaction as applying the server's changes (call inside db.transaction). */
export function markRemoteTransaction(): void {
  const tx = currentIdbTransaction();
  if (tx) remoteTransactions.add(tx);
}

/**
 * Runs `write` (one bulk write, inside a remote transaction) flagged as writing records exactly as the server
 * holds them: a pulled deal carries the BANT suggestions its writer's own write computed, so
 * lib/pipeline/bant-on-write.ts need not read its contact, stage and notes again (isWritingAsPulled). Merged
 * records are written without the flag, and are suggested afresh.
 */
export async function writingAsPulled<T>(write: () => Promise<T>): Promise<T> {
  const tx = currentIdbTransaction();
  if (!tx || !remoteTransactions.has(tx)) return write();
  asPulled.add(tx);
  try {
    return await write();
  } finally {
    asPulled.delete(tx);
  }
}

/** True while a remote transaction writes records as the server holds them (writingAsPulled). */
export function isWritingAsPulled(trans: object): boolean {
  return asPulled.has(trans);
}

/**
 * Set by the background's sync feature from the team settings. `tracking`: a team is set up, so local writes are
 * queued for it (without a team nothing is tracked: a 100,000-row import pays nothing for sync). `user`: the
 * connected team user; deals written without an owner get this one (every deal in a team has an owner).
 */
export const syncIdentity: { tracking: boolean; user: string; now: () => number; onLocalChange?: () => void } = {
  tracking: false,
  user: '',
  now: () => Date.now(),
};

/** Every key whose document id starts with `kind:` (DBCoreRangeType.Range = 2, a const enum out of reach). */
function kindRange(table: SyncedTable): DBCoreKeyRange {
  const prefix = `${SYNCED_TABLES[table]}:`;
  return { type: 2, lower: prefix, upper: `${prefix}\uffff`, lowerOpen: false, upperOpen: false } as DBCoreKeyRange;
}

/** Sets filled with the document ids local writes mark, while someone watches (watchLocalMarks). */
const watchers = new Set<Set<string>>();

/**
 * The document ids local writes in this context mark from now on, until `stop()`: a large pull that read the sync
 * rows' ids once at its start learns of rows made since (lib/sync/apply-remote.ts SyncRowLookup).
 */
export function watchLocalMarks(): { ids: ReadonlySet<string>; stop: () => void } {
  const ids = new Set<string>();
  watchers.add(ids);
  return { ids, stop: () => watchers.delete(ids) };
}

/**
 * Writes the sync rows of some records a local write changed: `change` gets each one's state before, its row or
 * else the state the record carried as pulled (`records`, as they were before the write: lib/sync/embedded.ts).
 */
async function markChanged(
  state: DBCoreTable,
  trans: DBCoreTransaction,
  docIds: string[],
  records: readonly (Record<string, unknown> | undefined)[],
  change: (old: SyncStateRow | undefined, i: number, hasRow: boolean) => SyncStateRow | null,
): Promise<void> {
  if (!docIds.length) return;
  const rows = (await state.getMany({ trans, keys: docIds })) as (SyncStateRow | undefined)[];
  const old = rows.map((row, i) => row ?? embeddedState(docIds[i]!, records[i]));
  const values = docIds.map((_, i) => change(old[i], i, !!rows[i])).filter((r): r is SyncStateRow => r !== null);
  if (values.length) await state.mutate({ type: 'put', trans, values });
}

/**
 * Keeps `syncState` current on every write to a shared table, whoever makes it (capture, edits, import, moves,
 * merges): the fields a write changed get its time and the record is marked dirty, in the same transaction as the
 * write, so no change can be written without being queued for the team. Writes that apply the server's changes
 * (markRemoteTransaction) pass through: the replicator writes their sync rows itself.
 */
export const syncMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'TeamSync',
  create(down) {
    const has = (name: string) => down.schema.tables.some((t) => t.name === name);
    return {
      ...down,
      transaction(stores, mode, options) {
        // Without a team, writes are exactly as they were: no extra tables, nothing recorded.
        if (mode !== 'readwrite' || !syncIdentity.tracking || !has('syncState') || !stores.some(isSyncedTable))
          return down.transaction(stores, mode, options);
        const extra = ['syncState', 'syncMeta'].filter((t) => !stores.includes(t));
        const trans = down.transaction(extra.length ? [...stores, ...extra] : stores, mode, options);
        tracked.add(trans);
        return trans;
      },
      table(name) {
        const table = down.table(name);
        if (!isSyncedTable(name) || !has('syncState')) return table;
        const state = down.table('syncState');
        const meta = down.table('syncMeta');
        return {
          ...table,
          async mutate(req: DBCoreMutateRequest) {
            const { trans } = req;
            if (!tracked.has(trans) || remoteTransactions.has(trans)) return table.mutate(req);
            // Told at once, before this write's own reads: a pull deciding meanwhile which rows exist hears of it.
            if (watchers.size && req.type !== 'deleteRange') {
              const keys = req.type === 'delete' ? req.keys : req.values.map((v) => (v as { id: string }).id);
              for (const watcher of watchers) for (const key of keys) watcher.add(docIdOf(name, key as string));
            }
            const now = syncIdentity.now();
            if (req.type === 'deleteRange') {
              // Emptying a table (restore, "delete all data") is this browser's business: it never deletes the
              // team's records. Forget their sync rows and the checkpoint, so the next pull brings the team's
              // records back.
              const res = await table.mutate(req);
              await state.mutate({ type: 'deleteRange', trans, range: kindRange(name) });
              await meta.mutate({ type: 'delete', trans, keys: ['since'] });
              return res;
            }
            if (req.type === 'delete') {
              // Read first for the revision a pulled record carries (deletes are rare next to writes).
              const keys = req.keys as string[];
              const gone = (await table.getMany({ trans, keys })) as (Record<string, unknown> | undefined)[];
              const res = await table.mutate(req);
              const kept = keys.flatMap((_, i) => (res.failures[i] ? [] : [i]));
              const ids = kept.map((i) => docIdOf(name, keys[i]!));
              const records = kept.map((i) => gone[i]);
              await markChanged(state, trans, ids, records, (old, i) => ({
                docId: ids[i]!,
                rev: old?.rev ?? null,
                times: { ...old?.times, _deleted: now },
                base: old?.base,
                dirty: 1,
                deleted: 1,
              }));
              syncIdentity.onLocalChange?.();
              return res;
            }
            let values = req.values as Record<string, unknown>[];
            const unowned = name === 'deals' && !!syncIdentity.user && values.some((v) => !v.owner);
            if (unowned || values.some((v) => Object.hasOwn(v, SYNC_FIELD))) {
              // Its row (written below) is the record's sync state from now on: none stays on the record.
              values = values.map((v) => {
                const own = withoutSyncField(v);
                return unowned && !own.owner ? { ...own, owner: syncIdentity.user } : own;
              });
              req = { ...req, values };
            }
            const keys = values.map((v) => v.id as string);
            const before = (await table.getMany({ trans, keys })) as (Record<string, unknown> | undefined)[];
            const res = await table.mutate(req);
            const ids = keys.map((k) => docIdOf(name, k));
            await markChanged(state, trans, ids, before, (old, i, hasRow) => {
              if (res.failures[i]) return null;
              const fields = changedFields(before[i], values[i]!).filter((f) => f !== 'updatedAt');
              // Unchanged: its row stays as it is; a pulled record's state, no longer on it, moves to a row.
              if (old && !fields.length) return hasRow ? null : old;
              const times = { ...old?.times };
              for (const f of fields) times[f] = now;
              return { docId: ids[i]!, rev: old?.rev ?? null, times, base: old?.base, dirty: 1, deleted: 0 };
            });
            syncIdentity.onLocalChange?.();
            return res;
          },
        };
      },
    };
  },
};
