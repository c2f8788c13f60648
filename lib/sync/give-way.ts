/**
 * The rep first: while the popup opens, a pull makes no write transaction, so the popup's reads and the
 * background's answers to it do not wait behind the pull's (issue 16: "the popup's open time unchanged while
 * syncing"). The popup's page load (lib/background/popup-navigation.ts, ~2 ms after the click) and each of its
 * messages make the pull wait GIVE_WAY_MS before its next write transaction. Of the two a pull keeps in flight, the
 * one queued behind the other is withdrawn (lib/sync/pull-chunks.ts: aborted before it ran, nothing to undo) and
 * the one running ends within its budget (CHUNK_BUDGET_MS) while the popup's page is still loading; a page the
 * pull prefetched is read and parsed only after the wait (afterRep). Stopping the running one too (tried) cost
 * IndexedDB's backend ~75 ms of CPU per popup open to undo it, which slowed the popup more than the wait. The pull
 * still moves: once it has written nothing for MUST_MOVE_MS, its next chunk goes without waiting, so a popup opened
 * over and over slows it but never stops it.
 */

/** Long enough for the popup's first screen (about 100 ms on an idle machine) and the messages it sends. */
export const GIVE_WAY_MS = 400;

const state = { until: 0 };
const listeners = new Set<() => void>();

/** Told each time the rep starts waiting (a pull withdraws its queued write). Returns the unsubscribe. */
export function onGiveWay(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The popup (or another page a rep waits on) just asked the background something. */
export function giveWayToRep(now = performance.now(), ms = GIVE_WAY_MS): void {
  state.until = Math.max(state.until, now + ms);
  for (const listener of listeners) listener();
}

/** How long a pull should still wait before its next write (0: go on). */
export function giveWayLeft(now = performance.now()): number {
  return Math.max(0, state.until - now);
}

/** For tests: nobody waiting. */
export function resetGiveWay(): void {
  state.until = 0;
}

/**
 * Resolves once the rep no longer waits, or after `maxMs` whatever: work that can wait a little (reading a page
 * the pull prefetched) does not take the worker's thread while the popup opens, and is never held up for long.
 */
export async function afterRep(maxMs = 2_000): Promise<void> {
  const end = performance.now() + maxMs;
  for (let left = giveWayLeft(); left > 0 && performance.now() < end; left = giveWayLeft())
    await new Promise((resolve) => setTimeout(resolve, Math.min(left, end - performance.now())));
}
