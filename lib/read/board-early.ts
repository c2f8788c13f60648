import { type DealIndexRow, STAGE_ENTERED_INDEX } from '../db/deal-index';
import { DB_NAME, NATIVE_VERSION } from '../db/names';
import type { StageTotalsRow } from '../db/stage-totals';
import type { Contact, Stage } from '../model';
import { namesBoard, splitHash } from '../options/address';
import { sortStages } from '../pipeline/default-stages';
import { type BoardFilters, filtersFromParams, isFiltered } from '../pipeline/filters';

/** Whether the board can open on its columns' first cards: the default order, nothing filtered. */
export function previewable(filters: BoardFilters): boolean {
  return !isFiltered(filters) && filters.sort === 'days';
}

/** What the board shows first, read straight from IndexedDB (see readBoardEarly). */
export interface EarlyBoard {
  stages: Stage[];
  totals: StageTotalsRow[];
  /** Each shown column's first cards, in the board's default order. */
  byStage: Map<string, DealIndexRow[]>;
  contacts: Map<string, Contact | undefined>;
}

function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((ok, fail) => {
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });
}

/**
 * The database as Dexie left it, at exactly the version this build declares; null when it is missing, older (an
 * upgrade is due: Dexie's to run) or newer. An upgrade started here is aborted at once, so nothing is created.
 */
function openAsIs(name: string): Promise<IDBDatabase | null> {
  return new Promise((ok) => {
    const req = indexedDB.open(name, NATIVE_VERSION);
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onsuccess = () => {
      const db = req.result;
      // Never hold up another context's upgrade (the background's, or Dexie's in this page).
      db.onversionchange = () => db.close();
      ok(db);
    };
    req.onerror = () => ok(null);
    req.onblocked = () => ok(null);
  });
}

/**
 * The board's first screen, read before the page's code has loaded: this module is small and imports no
 * database library, so the options page's first module starts these reads at once, and the UI's code (Preact,
 * Dexie, the views) loads while IndexedDB answers: the stages, the stage totals, each open column's first cards
 * by [stageId+e] and their contacts, for the board's default order with no filter only (previewable). Null
 * otherwise, or whenever anything is not as expected: the page then reads the columns in full with Dexie
 * (components/board/prefetch.ts).
 */
export async function readBoardEarly(hash: string, cardsPerColumn: number, name = DB_NAME): Promise<EarlyBoard | null> {
  const { view, params } = splitHash(hash);
  if (!namesBoard(view)) return null;
  const filters = filtersFromParams(params);
  if (!previewable(filters)) return null;
  const db = await openAsIs(name);
  if (!db) return null;
  try {
    const tx = db.transaction(['stages', 'stageTotals', 'dealIndex', 'contacts'], 'readonly');
    const [stageList, totals] = await Promise.all([
      done(tx.objectStore('stages').getAll()) as Promise<Stage[]>,
      done(tx.objectStore('stageTotals').getAll()) as Promise<StageTotalsRow[]>,
    ]);
    const stages = sortStages(stageList);
    const shown = stages.filter((s) => s.kind === 'open' || filters.expanded.includes(s.id));
    const index = tx.objectStore('dealIndex').index(STAGE_ENTERED_INDEX);
    const columns = await Promise.all(
      shown.map(
        (s) =>
          done(index.getAll(IDBKeyRange.bound([s.id, -Infinity], [s.id, Infinity]), cardsPerColumn)) as Promise<
            DealIndexRow[]
          >,
      ),
    );
    const ids = [...new Set(columns.flat().map((r) => r.v[0]))];
    const store = tx.objectStore('contacts');
    const found = await Promise.all(ids.map((id) => done(store.get(id)) as Promise<Contact | undefined>));
    return {
      stages,
      totals,
      byStage: new Map(shown.map((s, i) => [s.id, columns[i]!])),
      contacts: new Map(ids.map((id, i) => [id, found[i]])),
    };
  } catch {
    return null;
  } finally {
    db.close();
  }
}
