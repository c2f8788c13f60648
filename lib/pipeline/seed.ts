import type { ProspectorDb } from '../db/database';
import { t } from '../i18n';
import { DEFAULT_PIPELINE, stagesFromTemplate } from './default-stages';

/** Gives a new database the default pipeline. Does nothing when stages exist (never overwrites the rep's). */
export async function ensureStages(db: ProspectorDb): Promise<void> {
  await db.transaction('rw', db.stages, async () => {
    if ((await db.stages.count()) > 0) return;
    await db.stages.bulkAdd(stagesFromTemplate(DEFAULT_PIPELINE, (k) => t(k)));
  });
}
