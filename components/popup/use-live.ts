import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * A Dexie live query (as components/use-live-query.ts) that starts from a value already read: the popup reads
 * its first screen before rendering, so the first render shows data instead of a loading state. Re-renders when
 * the rows the query read change in any context (the background writes; the popup watches).
 */
export function useLive<T>(query: () => Promise<T>, deps: readonly unknown[], initial?: T): T | undefined {
  const [value, setValue] = useState<T | undefined>(initial);
  useEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: setValue,
      error: (err) => console.error('Prospector query failed', err),
    });
    return () => sub.unsubscribe();
  }, deps);
  return value;
}
