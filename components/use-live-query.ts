import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * Dexie's live query as a Preact hook: re-renders when the rows the query read change, in any context of the
 * extension (the background writes, the popup and options page watch). `undefined` while loading.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  // The caller lists what the query depends on, as with useMemo.
  useEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: setValue,
      error: (err) => console.error('Prospector query failed', err),
    });
    return () => sub.unsubscribe();
  }, deps);
  return value;
}
