import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, Middleware } from 'dexie';
import { contactIndexRow } from './contact-index';
import { dealIndexRow } from './deal-index';

/** Tables derived from others: each source write is mirrored into its index table in the same transaction. */
const DERIVED: Record<string, { target: string; row: (value: never) => { id: string } }> = {
  contacts: { target: 'contactIndex', row: contactIndexRow },
  deals: { target: 'dealIndex', row: dealIndexRow },
};

/**
 * Dexie middleware keeping the derived index tables (contactIndex, dealIndex) current on every write to
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
          .map((s) => DERIVED[s]?.target)
          .filter((t): t is string => !!t && !stores.includes(t) && has(t));
        return down.transaction(extra.length ? [...stores, ...extra] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        const derived = Object.hasOwn(DERIVED, name) ? DERIVED[name] : undefined;
        if (!derived || !has(derived.target)) return table;
        const index = down.table(derived.target);
        return {
          ...table,
          async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
            const res = await table.mutate(req);
            if (req.type === 'add' || req.type === 'put') {
              const rows = req.values.filter((_, i) => !res.failures[i]).map((v) => derived.row(v as never));
              if (rows.length) await index.mutate({ type: 'put', trans: req.trans, values: rows });
            } else if (req.type === 'delete') {
              await index.mutate({ type: 'delete', trans: req.trans, keys: req.keys });
            } else {
              await index.mutate({ type: 'deleteRange', trans: req.trans, range: req.range });
            }
            return res;
          },
        };
      },
    };
  },
};
