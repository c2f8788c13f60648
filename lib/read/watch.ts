import Dexie, { liveQuery, type Table } from 'dexie';
import { getDb, type ProspectorDb } from '../db/database';
import { DB_NAME } from '../db/names';

/**
 * A read the UI needs: a function of the database, defined in lib/ and unit-tested on a fresh database
 * (fake-indexeddb). Pages run it on the extension's database through components/use-live-query.ts, so no
 * component imports Dexie or lib/db (tests/unit/layers/layers.test.ts checks it).
 */
export type Read<T> = (db: ProspectorDb) => Promise<T>;

/** The name of one of the database's stores, as ProspectorDb declares it (a typo is a type error, not a silent miss). */
export type StoreName = { [K in keyof ProspectorDb]: ProspectorDb[K] extends Table ? K : never }[keyof ProspectorDb];

/**
 * Runs `read` and again whenever a row it read changes, in any context of the extension (Dexie's live query: the
 * background writes, the pages watch). Returns the function that stops watching.
 */
export function watchRead<T>(read: Read<T>, onValue: (v: T) => void, onError: (err: unknown) => void): () => void {
  const sub = liveQuery(() => read(getDb())).subscribe({ next: onValue, error: onError });
  return () => sub.unsubscribe();
}

/** Runs `read` once on the extension's database: for what a button does (an export, a look-up after a save). */
export function readNow<T>(read: Read<T>): Promise<T> {
  return read(getDb());
}

/**
 * Calls `onChange` whenever a write anywhere in the extension touches one of `stores`. For reads of key lists over
 * 100,000 rows, where a live query's per-key bookkeeping would cost more than the read itself: the caller re-reads.
 */
export function watchStores(stores: readonly StoreName[], onChange: () => void): () => void {
  const prefixes = stores.map((s) => `idb://${DB_NAME}/${s}/`);
  const listener = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((k) => prefixes.some((p) => k.startsWith(p)))) onChange();
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
}
