import Dexie from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { DB_NAME } from '@/lib/db/database';

/**
 * Runs `query` and runs it again whenever one of `tables` changes (in this page or any other context of the
 * extension). For key lists over 100,000 rows, where a live query's per-key bookkeeping would cost more than
 * the query itself. Keeps the previous value while re-running; `undefined` only before the first answer.
 */
export function useTableQuery<T>(query: () => Promise<T>, tables: readonly string[], deps: readonly unknown[]) {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let run = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      const mine = ++run;
      query().then(
        (v) => mine === run && setValue(() => v),
        (err) => console.error('Prospector query failed', err),
      );
    };
    const prefixes = tables.map((t) => `idb://${DB_NAME}/${t}/`);
    const onChange = (parts: Record<string, unknown>) => {
      if (!Object.keys(parts).some((k) => prefixes.some((p) => k.startsWith(p)))) return;
      clearTimeout(timer);
      // Bursts of writes (a bulk action, an import) re-run the query once.
      timer = setTimeout(load, 50);
    };
    Dexie.on('storagemutated', onChange);
    load();
    return () => {
      run++;
      clearTimeout(timer);
      Dexie.on('storagemutated').unsubscribe(onChange);
    };
  }, deps);
  return value;
}
