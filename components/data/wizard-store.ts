import { useEffect, useState } from 'preact/hooks';

/**
 * State that outlives the view showing it: an import keeps running (and keeps its report) while the rep looks at
 * the board, and the Data view shows where it is when they come back. One per options page.
 */
export function createStore<T>(initial: T) {
  let value = initial;
  const listeners = new Set<(v: T) => void>();
  return {
    get: () => value,
    set(next: T) {
      value = next;
      for (const l of listeners) l(next);
    },
    use(): T {
      const [v, setV] = useState(value);
      useEffect(() => {
        listeners.add(setV);
        setV(value);
        return () => {
          listeners.delete(setV);
        };
      }, []);
      return v;
    },
  };
}

/** While work is running, closing or reloading the page asks first (the browser's own "Leave site?" prompt). */
export function guardUnload(running: boolean): void {
  if (running) addEventListener('beforeunload', warn);
  else removeEventListener('beforeunload', warn);
}

function warn(event: BeforeUnloadEvent): void {
  event.preventDefault();
}
