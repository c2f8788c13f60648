import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * Dexie's live query as a Preact hook: re-renders when the rows the query read change, in any context of the
 * extension (the background writes, the popup and options page watch). `initial` is a value already read (the
 * popup reads its first screen before rendering, so the first render shows data instead of a loading state);
 * without one, `undefined` while loading.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[], initial?: T): T | undefined {
  const [value, setValue] = useState<T | undefined>(initial);
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
