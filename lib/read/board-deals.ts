import Dexie, { cmp, type ObservabilitySet, RangeSet } from 'dexie';
import type { ProspectorDb } from '../db/database';
import { type BoardDeal, boardDeal, type DealIndexRow } from '../db/deal-index';
import { DB_NAME } from '../db/names';
import type { Contact, Stage } from '../model';
import { sortStages } from '../pipeline/default-stages';

const CHANGED_DEALS = `idb://${DB_NAME}/dealIndex/`;
/** More changed deals than this at once (an import, a bulk move): the board reads its columns again instead. */
const MAX_PATCH = 500;

/** The changed primary keys of a change set, or null when it is a range (or too many to patch one by one). */
function changedKeys(tree: ObservabilitySet[string]): string[] | null {
  const keys: string[] = [];
  for (const node of RangeSet(tree)) {
    if (cmp(node.from, node.to) !== 0 || typeof node.from !== 'string' || keys.length >= MAX_PATCH) return null;
    keys.push(node.from);
  }
  return keys;
}

/** The stages in the board's order. */
export async function boardStages(db: ProspectorDb): Promise<Stage[]> {
  return sortStages(await db.stages.toArray());
}

/** Every deal of each of these columns, from the compact deal index (one read transaction). */
export function boardColumns(db: ProspectorDb, stageIds: readonly string[]): Promise<[string, BoardDeal[]][]> {
  return db.transaction('r', db.dealIndex, () =>
    Promise.all(
      stageIds.map(
        async (id) =>
          [id, (await db.dealIndex.where('stageId').equals(id).toArray()).map(boardDeal)] as [string, BoardDeal[]],
      ),
    ),
  );
}

/** The first module's early read (lib/read/board-early.ts) as the board's deals, column by column. */
export function boardDealsFromRows(byStage: ReadonlyMap<string, readonly DealIndexRow[]>): Map<string, BoardDeal[]> {
  return new Map([...byStage].map(([id, rows]) => [id, rows.map(boardDeal)]));
}

/** The board's copy of these deals now; undefined for a deal that is gone (deleted, or no longer on the board). */
export async function boardDealsById(db: ProspectorDb, ids: readonly string[]): Promise<(BoardDeal | undefined)[]> {
  const rows = await db.dealIndex.bulkGet([...ids]);
  return rows.map((row) => (row?.stageId === undefined ? undefined : boardDeal(row)));
}

/** The contacts of these ids (undefined where none), for the cards' names. */
export function contactsById(db: ProspectorDb, ids: readonly string[]): Promise<(Contact | undefined)[]> {
  return db.contacts.bulkGet([...ids]);
}

/**
 * Calls `onChange` whenever a write in any context of the extension (the background answering a move, an import)
 * touches the board's deals: with the changed deals' ids, or null when they are too many or a range (read the
 * columns again). Returns the function that stops watching.
 */
export function watchBoardDeals(onChange: (ids: string[] | null) => void): () => void {
  const listener = (parts: ObservabilitySet) => {
    const tree = parts[CHANGED_DEALS];
    if (tree) onChange(changedKeys(tree));
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
}
