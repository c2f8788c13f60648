import type { Stage } from '../model';

/**
 * Days a deal may sit in a stage before the board marks it stale, when the rep has not set the stage's own
 * limit: early stages move fast (two weeks without progress is a warning), later ones take longer (a proposal
 * waits on the buyer's process). Stages the rep adds get the general limit.
 */
export const DEFAULT_STALE_DAYS: Readonly<Record<string, number>> = {
  prospecting: 14,
  lead: 14,
  initial_contact: 14,
  qualification: 21,
  qualified: 21,
  demo: 21,
  proposal: 30,
  closing: 30,
};
export const GENERAL_STALE_DAYS = 30;
/** The longest limit a rep may set: ten years, so a typo cannot overflow a date. */
export const MAX_STALE_DAYS = 3650;

/** The stage's stale limit in days, or null for Won and Lost (a closed deal is not waiting on anyone). */
export function staleLimit(stage: Pick<Stage, 'id' | 'kind' | 'staleAfterDays'> | undefined): number | null {
  if (stage?.kind !== 'open') return null;
  return stage.staleAfterDays ?? DEFAULT_STALE_DAYS[stage.id] ?? GENERAL_STALE_DAYS;
}

/** Whole days since `since` at `now` (never negative: a clock set back does not make a deal younger than new). */
export function daysSince(since: number, now: number): number {
  return Math.max(0, Math.floor((now - since) / 86_400_000));
}

/** True when a deal that entered its stage at `enteredAt` has been there longer than the stage allows. */
export function isStale(enteredAt: number, limit: number | null, now: number): boolean {
  return limit !== null && daysSince(enteredAt, now) > limit;
}
