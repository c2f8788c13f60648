import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, Middleware } from 'dexie';
import { contactIndexRow } from './contact-index';
import { dealIndexRow } from './deal-index';
import { forecastIndexRow } from './forecast-index';

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

/**
 * Dexie middleware keeping the derived index tables (contactIndex, dealIndex, forecastIndex) current on every write to
 * contacts and deals, whoever makes it (capture, import, restore, the options page): a write transaction on a
 * source table also opens its index table, and every put, add or delete is mirrored there in that same
 * transaction, so the two never disagree, even when the service worker dies mid-write. It sits above Dexie's
 * observability layer, so live queries on the index tables update too.
 */
export const derivedIndexMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'DerivedIndex',
  create(down) {
    // During an upgrade from a version without the index tables, they do not exist yet.
    const has = (name: string) => down.schema.tables.some((t) => t.name === name);
    return {
      ...down,
      transaction(stores, mode, options) {
        if (mode !== 'readwrite') return down.transaction(stores, mode, options);
        const extra = stores
          .flatMap((s) => (Object.hasOwn(DERIVED, s) ? DERIVED[s]!.map((d) => d.target) : []))
          .filter((t) => !stores.includes(t) && has(t));
        return down.transaction(extra.length ? [...stores, ...extra] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        const derived = (Object.hasOwn(DERIVED, name) ? DERIVED[name]! : []).filter((d) => has(d.target));
        if (!derived.length) return table;
        const indexes = derived.map((d) => ({ ...d, index: down.table(d.target) }));
        return {
          ...table,
          async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
            const res = await table.mutate(req);
            const stored =
              req.type === 'add' || req.type === 'put' ? req.values.filter((_, i) => !res.failures[i]) : [];
            await Promise.all(
              indexes.map(({ index, row }) => {
                if (req.type === 'add' || req.type === 'put') {
                  const rows = stored.map((v) => row(v as never));
                  return rows.length ? index.mutate({ type: 'put', trans: req.trans, values: rows }) : undefined;
                }
                if (req.type === 'delete') return index.mutate({ type: 'delete', trans: req.trans, keys: req.keys });
                return index.mutate({ type: 'deleteRange', trans: req.trans, range: req.range });
              }),
            );
            return res;
          },
        };
      },
    };
  },
};
