/**
 * The rep first: while the popup opens, a pull gives the database up, so the popup's reads and the background's
 * answers to it do not queue behind the pull's writes (issue 16: "the popup's open time unchanged while syncing").
 * The popup's page load (lib/background/popup-navigation.ts) and each of its messages stop the write transactions
 * in flight (they listen to repSignal(); each is written again afterwards, lib/sync/pull-chunks.ts) and make the
 * pull wait GIVE_WAY_MS before its next one. The pull still moves: once it has written nothing for MUST_MOVE_MS, its
 * next chunk goes without waiting and is not stopped, so a popup opened over and over slows it but never stops it.
 */

/** Long enough for the popup's first screen (about 100 ms on an idle machine) and the messages it sends. */
export const GIVE_WAY_MS = 400;

const state = { until: 0, rep: new AbortController() };

/** The popup (or another page a rep waits on) just asked the background something. */
export function giveWayToRep(now = performance.now(), ms = GIVE_WAY_MS): void {
  state.until = Math.max(state.until, now + ms);
  state.rep.abort();
  state.rep = new AbortController();
}

/** How long a pull should still wait before its next write (0: go on). */
export function giveWayLeft(now = performance.now()): number {
  return Math.max(0, state.until - now);
}

/** Aborted when the rep next needs the database: a write transaction made now stops for them. */
export function repSignal(): AbortSignal {
  return state.rep.signal;
}

/** For tests: nobody waiting. */
export function resetGiveWay(): void {
  state.until = 0;
  state.rep = new AbortController();
}
