import Dexie, { type ObservabilitySet } from 'dexie';
import { DB_NAME, getDb } from '@/lib/db/database';
import { type BoardDeal, boardDeal } from '@/lib/db/deal-index';
import type { Stage } from '@/lib/model';
import { DEFAULT_SETTINGS } from '@/lib/model';
import { sortStages } from '@/lib/pipeline/default-stages';
import { filtersFromParams, isFiltered, sortDeals } from '@/lib/pipeline/filters';
import { contactCache } from './contact-cache';
import { CARD_HEIGHT } from './DealCard';

export interface BoardData {
  stages: Stage[];
  byStage: Map<string, BoardDeal[]>;
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
 * Reads what the board shows first (stages, then the open columns' deals) while the page is still starting, so
 * the board's first render need not wait for its own queries. Called by main.tsx when the page opens on the
 * board; a change to deals meanwhile makes the board read again instead of using it.
 */
export async function prefetchBoard(hash: string): Promise<void> {
  const [id = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  if (id !== '' && id !== 'board') return;
  const part = `idb://${DB_NAME}/dealIndex/`;
  const onChange = (parts: ObservabilitySet) => {
    if (parts[part]) state.changed = true;
  };
  const state: Started = {
    data: undefined,
    changed: false,
    stop: () => Dexie.on('storagemutated').unsubscribe(onChange),
  };
  started = state;
  Dexie.on('storagemutated', onChange);
  try {
    const db = getDb();
    const stages = sortStages(await db.stages.toArray());
    const filters = filtersFromParams(new URLSearchParams(query));
    const shown = shownStages(stages, filters.expanded);
    const entries = await db.transaction('r', db.dealIndex, () =>
      Promise.all(
        shown.map(
          async (s) => [s.id, (await db.dealIndex.where('stageId').equals(s.id).toArray()).map(boardDeal)] as const,
        ),
      ),
    );
    state.data = { stages, byStage: new Map(entries) };
    // Unfiltered, in an order that needs nothing else: the first cards' contacts too, so the first render is whole.
    if (!isFiltered(filters) && filters.sort !== 'name' && filters.sort !== 'bant') {
      const perColumn = Math.ceil(innerHeight / CARD_HEIGHT) + 4;
      const ids = entries.flatMap(([, deals]) =>
        sortDeals([...deals], filters.sort, { now: Date.now(), weights: DEFAULT_SETTINGS.bantWeights })
          .slice(0, perColumn)
          .map((d) => d.contactId),
      );
      contactCache.seed(ids, await db.contacts.bulkGet(ids));
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
