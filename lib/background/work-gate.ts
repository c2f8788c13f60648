/**
 * Whether the background is doing a rep's work (a message from the popup or an extension page, a capture by
 * shortcut or context menu), so that housekeeping (the daily BANT catch-up, lib/pipeline/bant-backfill.ts) runs
 * only in the gaps and steps aside the moment a rep's work arrives: a capture never waits behind it.
 */
export interface WorkGate {
  /** Runs a rep's work, the background counted busy until it settles. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Resolves once no rep's work has run for the quiet time (at once when that is already so). */
  quiet(): Promise<void>;
  /** Calls `listener` each time a rep's work starts. Returns the unsubscribe. */
  onBusy(listener: () => void): () => void;
}

export interface WorkGateOptions {
  /** How long after a rep's last work the background counts as idle (a save is often followed by a read). */
  quietMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export function createWorkGate({
  quietMs = 1000,
  now = Date.now,
  sleep = (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
}: WorkGateOptions = {}): WorkGate {
  let running = 0;
  let lastEnd = Number.NEGATIVE_INFINITY;
  const listeners = new Set<() => void>();
  /** Waiting for the work running now to settle. */
  const idle: (() => void)[] = [];
  return {
    async run(work) {
      running++;
      for (const listener of [...listeners]) {
        try {
          listener();
        } catch (err) {
          // Stepping aside must never stop the rep's own work.
          console.error('Prospector: background work could not step aside', err);
        }
      }
      try {
        return await work();
      } finally {
        running--;
        lastEnd = now();
        if (!running) for (const resume of idle.splice(0)) resume();
      }
    },
    async quiet() {
      for (;;) {
        if (running) {
          await new Promise<void>((resume) => idle.push(resume));
          continue;
        }
        const left = lastEnd + quietMs - now();
        if (left <= 0) return;
        await sleep(left);
      }
    },
    onBusy(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
