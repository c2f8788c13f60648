import type { Table } from 'dexie';
import type { ProspectorDb } from './database';

/**
 * Runs `read` in one read-only transaction and answers with its result as soon as its reads are in. Dexie
 * resolves `db.transaction()` only once the browser reports the transaction complete; a read-only one has
 * nothing to commit, but that report is one more round trip to IndexedDB's backend (about 1 ms, measured on the
 * popup's open path, where the background answers the first screen: lib/popup/first-screen.ts). The rows read are
 * the transaction's consistent snapshot either way. A failed read rejects, as it would have.
 */
export function readBeforeCommit<T>(db: ProspectorDb, tables: Table[], read: () => Promise<T>): Promise<T> {
  return new Promise<T>((answer, fail) => {
    db.transaction('r', tables, async () => answer(await read())).catch(fail);
  });
}
