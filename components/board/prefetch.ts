import type { BoardDeal } from '@/lib/db/deal-index';
import type { StageTotalsRow } from '@/lib/db/stage-totals';
import type { Stage } from '@/lib/model';
import { DEFAULT_SETTINGS } from '@/lib/model';
import { namesBoard, splitHash } from '@/lib/options/address';
import { filtersFromParams, isFiltered, sortDeals } from '@/lib/pipeline/filters';
import { boardColumns, boardDealsFromRows, boardStages, contactsById, watchBoardDeals } from '@/lib/read/board-deals';
import type { EarlyBoard } from '@/lib/read/board-early';
import { readNow } from '@/lib/read/watch';
import { contactCache } from './contact-cache';
import { firstCards } from './first-cards';

export interface BoardData {
  stages: Stage[];
  byStage: Map<string, BoardDeal[]>;
  /**
   * Set when byStage holds only each column's first cards, in the board's default order: then each stage's
   * stored totals (lib/db/stage-totals.ts) give its header and its length, until the columns are read in full.
   */
  preview?: ReadonlyMap<string, StageTotalsRow | undefined>;
}

interface Started {
  data: BoardData | undefined;
  changed: boolean;
  stop: () => void;
}
let started: Started | undefined;

/** A prefetched board, and whether its deals changed since it was read (watched until released). */
export interface Prefetched extends BoardData {
  changedSince(): boolean;
  release(): void;
}

/** The stages the board opens with: open ones, and the closed ones the URL opened. */
export function shownStages(stages: readonly Stage[], expanded: readonly string[]): Stage[] {
  return stages.filter((s) => s.kind === 'open' || expanded.includes(s.id));
}

/**
 * Reads what the board shows first while the page is still starting, so the board's first render need not wait
 * for its own queries. In the board's default order, unfiltered (how it opens), the page's first module has
 * read each column's first cards and each stage's stored totals already (lib/read/board-early.ts: a few
 * dozen rows whatever the size of the pipeline). Otherwise (a filter or another order in the URL, or a database
 * the early read left alone, such as one an upgrade is due on) it reads the open columns in full. Called by
 * start.tsx when the page opens on the board; a change to deals meanwhile makes the board read again instead
 * of using it.
 */
export async function prefetchBoard(hash: string, early?: Promise<EarlyBoard | null>): Promise<void> {
  const { view, params } = splitHash(hash);
  if (!namesBoard(view)) return;
  const state: Started = { data: undefined, changed: false, stop: () => {} };
  state.stop = watchBoardDeals(() => {
    state.changed = true;
  });
  started = state;
  try {
    // Read already, straight from IndexedDB, by the page's first module (lib/read/board-early.ts).
    const read = await early;
    if (read) {
      const totals = new Map(read.totals.map((t) => [t.stageId, t]));
      const byStage = boardDealsFromRows(read.byStage);
      state.data = { stages: read.stages, byStage, preview: new Map(read.stages.map((s) => [s.id, totals.get(s.id)])) };
      contactCache.seed([...read.contacts.keys()], [...read.contacts.values()]);
      return;
    }
    const filters = filtersFromParams(params);
    const stages = await readNow(boardStages);
    const shown = shownStages(stages, filters.expanded);
    const entries = await readNow((db) =>
      boardColumns(
        db,
        shown.map((s) => s.id),
      ),
    );
    state.data = { stages, byStage: new Map(entries) };
    // In an order that needs nothing else: the first cards' contacts too, so the first render is whole.
    if (filters.sort !== 'name' && filters.sort !== 'bant' && !isFiltered(filters)) {
      const ids = entries.flatMap(([, deals]) =>
        sortDeals([...deals], filters.sort, { now: Date.now(), weights: DEFAULT_SETTINGS.bantWeights })
          .slice(0, firstCards())
          .map((d) => d.contactId),
      );
      contactCache.seed(ids, await readNow((db) => contactsById(db, ids)));
    }
  } catch (err) {
    state.stop();
    throw err;
  }
}

/** The prefetched board, once (the first board after the page opens). The taker releases it when subscribed. */
export function takePrefetched(): Prefetched | undefined {
  const s = started;
  started = undefined;
  if (!s?.data || s.changed) {
    s?.stop();
    return undefined;
  }
  return { ...s.data, changedSince: () => s.changed, release: s.stop };
}
