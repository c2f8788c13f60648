import type { ProspectorDb } from '../db/database';
import { AppError } from '../errors/app-error';
import { type Deal, newId, type Stage } from '../model';

/** The deal as it is after entering `stage` at `at`: history appended, closed/reopened as the stage says. */
export function dealInStage(deal: Deal, stage: Stage, at: number, lostReason = ''): Deal {
  const closed = stage.kind !== 'open';
  return {
    ...deal,
    stageId: stage.id,
    stageEntries: [...deal.stageEntries, { stageId: stage.id, at }],
    closedAt: closed ? at : null,
    outcome: stage.kind === 'won' ? 'won' : stage.kind === 'lost' ? 'lost' : null,
    lostReason: stage.kind === 'lost' ? lostReason : '',
    updatedAt: at,
  };
}

/** Moves a deal to another stage and records the move (from/to) as a stage-changed activity. */
export async function moveDeal(
  db: ProspectorDb,
  dealId: string,
  stageId: string,
  at: number,
  lostReason = '',
): Promise<Deal> {
  return db.transaction('rw', [db.deals, db.stages, db.activities], async () => {
    // Reads and writes issued together: each await in a transaction is a round trip to the database, and a move
    // is what the board waits on (npm run bench -- board).
    const [deal, stage] = await Promise.all([db.deals.get(dealId), db.stages.get(stageId)]);
    if (!deal) throw new AppError('error_noDeal');
    if (!stage) throw new AppError('error_noStage');
    if (deal.stageId === stageId) return deal;
    const next = dealInStage(deal, stage, at, lostReason);
    await Promise.all([
      db.deals.put(next),
      db.activities.add({
        id: newId(),
        contactId: deal.contactId,
        dealId,
        type: 'stage-changed',
        at,
        payload: { from: deal.stageId, to: stageId, ...(lostReason ? { lostReason } : {}) },
      }),
    ]);
    return next;
  });
}
