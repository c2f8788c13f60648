import type {
  DBCore,
  DBCoreKeyRange,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import Dexie from 'dexie';
import { contactIndexRow } from './contact-index';
import { type DealIndexRow, dealIndexRow } from './deal-index';
import { forecastIndexRow } from './forecast-index';
import { applyRow, emptyTotals, type StageTotalsRow, totalsFromRows } from './stage-totals';

interface Derived {
  target: string;
  row: (value: never) => { id: string };
}

/** Tables derived from others: each source write is mirrored into its index tables in the same transaction. */
const DERIVED: Record<string, Derived[]> = {
  contacts: [{ target: 'contactIndex', row: contactIndexRow }],
  deals: [
    { target: 'dealIndex', row: dealIndexRow },
    { target: 'forecastIndex', row: forecastIndexRow },
  ],
};
/** Sums kept over a derived table: the board's stage totals, over its deal rows (lib/db/stage-totals.ts). */
const TOTALS = { source: 'deals', rows: 'dealIndex', target: 'stageTotals' } as const;

/** Per write transaction: which keys of the rows being written its writer knows have no board row yet. */
const withoutRows = new WeakMap<object, (key: string) => boolean>();

/**
 * Runs `write` (one bulk write of deals, inside a transaction) telling this middleware which of its keys have no
 * board row yet, so their old rows are not read (a team sync's first pull writes thousands of deals this browser
 * never had: one read each, for nothing). Everything else is as for any write.
 */
export async function writingNewDeals<T>(isNew: (key: string) => boolean, write: () => Promise<T>): Promise<T> {
  const tx = (Dexie.currentTransaction as unknown as { idbtrans?: object } | null)?.idbtrans;
  if (!tx) return write();
  withoutRows.set(tx, isNew);
  try {
    return await write();
  } finally {
    withoutRows.delete(tx);
  }
}

/** The board rows of some keys as stored, except those known to have none (writingNewDeals). */
async function boardRowsOf(
  rows: DBCoreTable,
  trans: DBCoreTransaction,
  keys: readonly string[],
): Promise<(DealIndexRow | undefined)[]> {
  const isNew = withoutRows.get(trans);
  const read = isNew ? keys.filter((k) => !isNew(k)) : keys;
  if (!read.length) return keys.map(() => undefined);
  const found = (await rows.getMany({ trans, keys: [...read] })) as (DealIndexRow | undefined)[];
  if (read === keys) return found;
  const byKey = new Map(read.map((k, i) => [k, found[i]]));
  return keys.map((k) => byKey.get(k));
}

/** Every key (Dexie's DBCoreRangeType.Any, a const enum its typings keep out of reach here). */
const ANY_KEY = { type: 3 } as unknown as DBCoreKeyRange;

/**
 * The stage totals after some board rows changed, in order: key `keys[i]` went from the row it had to `after[i]`
 * (undefined: no row). `before` holds each key's row from before the whole write; a key written twice in one
 * write starts its second change from its first. Only the stages concerned are read and written.
 */
async function updateTotals(
  totals: DBCoreTable,
  trans: DBCoreTransaction,
  keys: readonly string[],
  before: readonly (DealIndexRow | undefined)[],
  after: readonly (DealIndexRow | undefined)[],
  current?: Promise<Map<string, StageTotalsRow | undefined>>,
): Promise<void> {
  const read = await (current ?? readTotals(totals, trans, stagesOf(before, after)));
  if (!read.size) return;
  const next = new Map([...read].map(([id, row]) => [id, row ?? emptyTotals(id)]));
  const latest = new Map<string, DealIndexRow | undefined>();
  keys.forEach((key, i) => {
    const old = latest.has(key) ? latest.get(key) : before[i];
    const now = after[i];
    latest.set(key, now);
    if (old?.stageId !== undefined) next.set(old.stageId, applyRow(next.get(old.stageId)!, old, -1));
    if (now?.stageId !== undefined) next.set(now.stageId, applyRow(next.get(now.stageId)!, now, 1));
  });
  await totals.mutate({ type: 'put', trans, values: [...next.values()] });
}

/** The stages some board rows are in. */
function stagesOf(...lists: (readonly (DealIndexRow | undefined)[])[]): string[] {
  const stages = new Set<string>();
  for (const list of lists) for (const row of list) if (row?.stageId !== undefined) stages.add(row.stageId);
  return [...stages];
}

/** The stored totals of some stages (undefined: none yet). */
async function readTotals(
  totals: DBCoreTable,
  trans: DBCoreTransaction,
  ids: readonly string[],
): Promise<Map<string, StageTotalsRow | undefined>> {
  if (!ids.length) return new Map();
  const rows = (await totals.getMany({ trans, keys: [...ids] })) as (StageTotalsRow | undefined)[];
  return new Map(ids.map((id, i) => [id, rows[i]]));
}

/** `read` and the totals of any of `stages` it lacks. */
async function withTotalsOf(
  totals: DBCoreTable,
  trans: DBCoreTransaction,
  read: Map<string, StageTotalsRow | undefined>,
  stages: readonly string[],
): Promise<Map<string, StageTotalsRow | undefined>> {
  const missing = stages.filter((id) => !read.has(id));
  if (!missing.length) return read;
  return new Map([...read, ...(await readTotals(totals, trans, missing))]);
}

/** Every stage's totals again, from the board rows as they are (after a range of deals was deleted). */
async function rebuildTotals(rows: DBCoreTable, totals: DBCoreTable, trans: DBCoreTransaction): Promise<void> {
  const { result } = await rows.query({
    trans,
    values: true,
    query: { index: rows.schema.primaryKey, range: ANY_KEY },
  });
  await totals.mutate({ type: 'deleteRange', trans, range: ANY_KEY });
  const values = [...totalsFromRows(result as DealIndexRow[]).values()];
  if (values.length) await totals.mutate({ type: 'put', trans, values });
}

/**
 * Dexie middleware keeping the derived tables (contactIndex, dealIndex, forecastIndex, stageTotals) current on
 * every write to contacts and deals, whoever makes it (capture, import, restore, the options page): a write
 * transaction on a source table also opens its derived tables, and every put, add or delete is mirrored there
 * in that same transaction, so they never disagree, even when the service worker dies mid-write. It sits above
 * Dexie's observability layer, so live queries on the derived tables update too.
 */
export const derivedIndexMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'DerivedIndex',
  create(down) {
    // During an upgrade from a version without the derived tables, they do not exist yet.
    const has = (name: string) => down.schema.tables.some((t) => t.name === name);
    const targetsOf = (source: string) => [
      ...(Object.hasOwn(DERIVED, source) ? DERIVED[source]!.map((d) => d.target) : []),
      ...(source === TOTALS.source ? [TOTALS.target] : []),
    ];
    return {
      ...down,
      transaction(stores, mode, options) {
        if (mode !== 'readwrite') return down.transaction(stores, mode, options);
        const extra = [...new Set(stores.flatMap(targetsOf))].filter((t) => !stores.includes(t) && has(t));
        return down.transaction(extra.length ? [...stores, ...extra] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        const derived = (Object.hasOwn(DERIVED, name) ? DERIVED[name]! : []).filter((d) => has(d.target));
        if (!derived.length) return table;
        const indexes = derived.map((d) => ({ ...d, index: down.table(d.target) }));
        const summed = name === TOTALS.source && has(TOTALS.rows) && has(TOTALS.target);
        const boardRows = summed ? down.table(TOTALS.rows) : undefined;
        const totals = summed ? down.table(TOTALS.target) : undefined;
        return {
          ...table,
          async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
            const { trans } = req;
            // The board rows as they were, to take them out of their stages' totals.
            const keys =
              req.type === 'delete'
                ? req.keys
                : req.type === 'add' || req.type === 'put'
                  ? req.values.map((v) => (v as { id: string }).id)
                  : [];
            // Each derived table's rows for the values written, worked out once (the board's rows also feed the
            // totals); a value that then fails to be written is left out below.
            const values = req.type === 'add' || req.type === 'put' ? req.values : [];
            const derivedRows = indexes.map(({ row }) => values.map((v) => row(v as never)));
            const boardAt = indexes.findIndex((d) => d.target === TOTALS.rows);
            const incoming = boardRows && boardAt >= 0 ? (derivedRows[boardAt] as DealIndexRow[]) : [];
            // The old board rows, the totals of the stages the new rows land in, and the write itself, all asked
            // for at once: each await in a transaction is a round trip to the database, and a save waits for every
            // one in a row. The old rows are in the derived table, which this write only changes below, after it.
            const [before, landing, res] = await Promise.all([
              boardRows && keys.length ? boardRowsOf(boardRows, trans, keys as string[]) : [],
              totals && req.type !== 'deleteRange' ? readTotals(totals, trans, stagesOf(incoming)) : undefined,
              table.mutate(req),
            ]);
            // A deal leaving a stage none of the new rows is in: that stage's totals too (one more read, on a move).
            const current = landing && withTotalsOf(totals!, trans, landing, stagesOf(before));
            const written = (i: number) => !res.failures[i];
            // The derived rows and the totals, written together.
            await Promise.all([
              ...indexes.map(({ index }, k) => {
                if (req.type === 'add' || req.type === 'put') {
                  const rows = derivedRows[k]!.filter((_, i) => written(i));
                  return rows.length ? index.mutate({ type: 'put', trans, values: rows }) : undefined;
                }
                if (req.type === 'delete') return index.mutate({ type: 'delete', trans, keys: req.keys });
                return index.mutate({ type: 'deleteRange', trans, range: req.range });
              }),
              (async () => {
                if (!boardRows || !totals) return;
                if (req.type === 'deleteRange') {
                  // After the board rows' own range delete, queued above in this same transaction.
                  await rebuildTotals(boardRows, totals, trans);
                  return;
                }
                if (req.type === 'delete') {
                  await updateTotals(totals, trans, keys, before, [], current);
                  return;
                }
                // A value that failed to be written leaves its row, and so its stage's totals, as they were.
                const ok = keys.filter((_, i) => written(i));
                const was = before.filter((_, i) => written(i));
                const now = incoming.filter((_, i) => written(i));
                await updateTotals(totals, trans, ok, was, now, current);
              })(),
            ]);
            return res;
          },
        };
      },
    };
  },
};
