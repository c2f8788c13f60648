import { useEffect, useState } from 'preact/hooks';
import type { Read } from '@/lib/read/watch';

/**
 * The live reads' engine (Dexie and the database's module), loaded with the first subscription rather than with
 * the components: the popup draws its first screen from what the background read (lib/background/popup-open.ts),
 * before any live query runs, so its first screen's code does without Dexie (issue #12: it opens in ≤ 2× an
 * empty extension page). Where it is loaded already (the options page), this costs a resolved promise.
 */
let engine: Promise<typeof import('@/lib/read/watch')> | undefined;
const watching = () => (engine ??= import('@/lib/read/watch'));

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
  useEffect(() => {
    let stop: (() => void) | undefined;
    let stopped = false;
    const onError = (err: unknown) => console.error('Prospector query failed', err);
    watching().then(({ watchRead }) => {
      if (!stopped) stop = watchRead(read, setValue, onError);
    }, onError);
    return () => {
      stopped = true;
      stop?.();
    };
  }, deps);
  return value;
}
