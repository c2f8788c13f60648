import type { ProspectorDb } from '../db/database';
import { contactIdsWithTag, searchContactIds } from '../pipeline/contact-search';

/** A stage's live deal count from its stored totals (a collapsed column: counting its deals would walk them). */
export async function stageDealCount(db: ProspectorDb, stageId: string): Promise<number> {
  return (await db.stageTotals.get(stageId))?.count ?? 0;
}

/** Whether the pipeline holds any live deal, from the stored stage totals (not a walk over the deals). */
export async function hasLiveDeals(db: ProspectorDb): Promise<boolean> {
  return (await db.stageTotals.toArray()).some((s) => s.count > 0);
}

/**
 * The contacts the board's text search and tag filter let through (both when both are set); null when neither
 * filters (the board then shows every deal).
 */
export async function boardContactIds(db: ProspectorDb, q: string, tag: string): Promise<Set<string> | null> {
  const [byText, byTag] = await Promise.all([
    searchContactIds(db, q),
    tag ? contactIdsWithTag(db, tag) : Promise.resolve(null),
  ]);
  if (byText && byTag) return new Set([...byText].filter((id) => byTag.has(id)));
  return byText ?? byTag;
}
