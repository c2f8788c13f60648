/**
 * The rep first: while the popup opens, a pull queues no write, so the popup's reads and the background's answers to
 * it do not wait behind the pull's (issue 16: "the popup's open time unchanged while syncing"). The popup's page load
 * (lib/background/popup-navigation.ts, ~2 ms after the click) and each of its messages make the pull wait
 * GIVE_WAY_MS before its next write transaction; the one in flight, if any, ends within its budget
 * (lib/sync/pull-chunks.ts CHUNK_BUDGET_MS) while the popup's page is still loading. Stopping it instead (tried:
 * aborting the transactions in flight) cost IndexedDB's backend ~75 ms of CPU per popup open to undo them, which
 * slowed the popup more than the wait. The pull still moves: once it has written nothing for MUST_MOVE_MS, its next
 * chunk goes without waiting, so a popup opened over and over slows it but never stops it.
 */

/** Long enough for the popup's first screen (about 100 ms on an idle machine) and the messages it sends. */
export const GIVE_WAY_MS = 400;

const state = { until: 0 };

/** The popup (or another page a rep waits on) just asked the background something. */
export function giveWayToRep(now = performance.now(), ms = GIVE_WAY_MS): void {
  state.until = Math.max(state.until, now + ms);
}

/** How long a pull should still wait before its next write (0: go on). */
export function giveWayLeft(now = performance.now()): number {
  return Math.max(0, state.until - now);
}

/** For tests: nobody waiting. */
export function resetGiveWay(): void {
  state.until = 0;
}
