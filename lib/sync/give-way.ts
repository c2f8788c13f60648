/**
 * The rep first: while the popup opens, a pull waits between two write transactions, so the popup's reads and
 * the background's answers to it do not queue behind the pull's writes (issue 16: "the popup's open time
 * unchanged while syncing"). The pull still moves: after a wait it always writes one chunk before it waits again,
 * so a popup opened over and over slows it but never stops it.
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
