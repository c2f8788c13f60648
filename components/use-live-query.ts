import { useEffect, useState } from 'preact/hooks';
import { type Read, watchRead } from '@/lib/read/watch';

/**
 * A live read as a Preact hook: re-renders when the rows `read` read change, in any context of the extension (the
 * background writes, the popup and options page watch). `read` is a function of the database from lib/ (the
 * component never opens it: tests/unit/layers/layers.test.ts). `initial` is a value already read (the popup reads
 * its first screen before rendering, so the first render shows data instead of a loading state); without one,
 * `undefined` while loading.
 */
export function useLiveQuery<T>(read: Read<T>, deps: readonly unknown[], initial?: T): T | undefined {
  const [value, setValue] = useState<T | undefined>(initial);
  // The caller lists what the read depends on, as with useMemo.
  useEffect(() => watchRead(read, setValue, (err) => console.error('Prospector query failed', err)), deps);
  return value;
}
