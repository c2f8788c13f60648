import { useEffect, useState } from 'preact/hooks';
import { type Read, readNow, type StoreName, watchStores } from '@/lib/read/watch';

/**
 * Runs `read` and runs it again whenever one of `stores` changes (in this page or any other context of the
 * extension). For key lists over 100,000 rows, where a live query's per-key bookkeeping would cost more than
 * the read itself. Keeps the previous value while re-running; `undefined` only before the first answer.
 */
export function useTableQuery<T>(read: Read<T>, stores: readonly StoreName[], deps: readonly unknown[]) {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let run = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      const mine = ++run;
      readNow(read).then(
        (v) => mine === run && setValue(() => v),
        (err) => console.error('Prospector query failed', err),
      );
    };
    const stop = watchStores(stores, () => {
      clearTimeout(timer);
      // Bursts of writes (a bulk action, an import) re-run the read once.
      timer = setTimeout(load, 50);
    });
    load();
    return () => {
      run++;
      clearTimeout(timer);
      stop();
    };
  }, deps);
  return value;
}
