import type { Deal, Stage } from '../model';
import { sortStages as ordered } from '../pipeline/default-stages';

/**
 * The stage "next stage" moves an open deal to: the next open stage in board order; from the last open stage,
 * won. Null for a closed deal (it is reopened instead) or an unknown stage.
 */
export function nextStage(stages: readonly Stage[], deal: Pick<Deal, 'stageId' | 'outcome'>): Stage | null {
  if (deal.outcome !== null) return null;
  const list = ordered(stages);
  const open = list.filter((s) => s.kind === 'open');
  const i = open.findIndex((s) => s.id === deal.stageId);
  if (i < 0) return null;
  return open[i + 1] ?? list.find((s) => s.kind === 'won') ?? null;
}

/** Where a closed deal goes back to when reopened: the last open stage it was in, else the first open stage. */
export function reopenStage(stages: readonly Stage[], deal: Pick<Deal, 'stageEntries'>): Stage | null {
  const byId = new Map(stages.map((s) => [s.id, s]));
  for (let i = deal.stageEntries.length - 1; i >= 0; i--) {
    const s = byId.get(deal.stageEntries[i]!.stageId);
    if (s?.kind === 'open') return s;
  }
  return ordered(stages).find((s) => s.kind === 'open') ?? null;
}

export const wonStage = (stages: readonly Stage[]) => ordered(stages).find((s) => s.kind === 'won') ?? null;
export const lostStage = (stages: readonly Stage[]) => ordered(stages).find((s) => s.kind === 'lost') ?? null;
