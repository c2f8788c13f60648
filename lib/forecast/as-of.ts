import { type DealTable, type LOST, OPEN, type WON } from './deal-table';

/** A deal as it stood at one instant, rebuilt from its stage history. Reused between calls (no allocation). */
export interface DealState {
  /** Stage index in the table (-1: a stage that no longer exists). */
  stage: number;
  /** When it entered that stage. */
  enteredAt: number;
  outcome: typeof OPEN | typeof WON | typeof LOST;
  /** NaN while open. */
  closedAt: number;
}

export function newState(): DealState {
  return { stage: -1, enteredAt: 0, outcome: OPEN, closedAt: Number.NaN };
}

/**
 * Row i as it stood at `at`, written into `out`; false if the deal did not exist yet (created after `at`).
 * Its stage is the last one it entered at or before `at`. It was closed if that stage is a won or lost stage,
 * or if its recorded close is at or before `at` (an imported deal may be closed without a closing stage entry).
 * Amount, close date and overrides have no history: callers use today's values.
 */
export function stateAt(t: DealTable, i: number, at: number, out: DealState): boolean {
  if (t.createdAt[i]! > at) return false;
  const first = t.entryStart[i]!;
  const end = t.entryStart[i + 1]!;
  let k = end - 1;
  while (k >= first && t.entryAt[k]! > at) k--;
  if (k >= first) {
    out.stage = t.entryStage[k]!;
    out.enteredAt = t.entryAt[k]!;
  } else {
    out.stage = first < end ? t.entryStage[first]! : t.stage[i]!;
    out.enteredAt = t.createdAt[i]!;
  }
  const kind = out.stage >= 0 ? t.stageKind[out.stage]! : OPEN;
  if (kind !== OPEN) {
    out.outcome = kind as typeof WON | typeof LOST;
    out.closedAt = out.enteredAt;
  } else if (t.outcome[i] !== OPEN && t.closedAt[i]! <= at) {
    out.outcome = t.outcome[i] as typeof WON | typeof LOST;
    out.closedAt = t.closedAt[i]!;
  } else {
    out.outcome = OPEN;
    out.closedAt = Number.NaN;
  }
  return true;
}
