import type { ProspectorDb } from '../db/database';
import type { Stage } from '../model';
import { sortStages } from '../pipeline/default-stages';
import { liveDealCounts } from '../pipeline/stages-edit';

/** The pipeline's stages in board order. */
export async function sortedStages(db: ProspectorDb): Promise<Stage[]> {
  return sortStages(await db.stages.toArray());
}

/** The stages in board order with how many live deals each holds: the stage editor refuses to drop a used one. */
export async function stagesWithDealCounts(db: ProspectorDb) {
  const stages = await sortedStages(db);
  const counts = await liveDealCounts(
    db,
    stages.map((s) => s.id),
  );
  return { stages, counts };
}
