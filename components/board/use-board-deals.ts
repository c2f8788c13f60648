import Dexie, { cmp, type ObservabilitySet, RangeSet } from 'dexie';
import { useEffect, useRef, useState } from 'preact/hooks';
import { DB_NAME, getDb } from '@/lib/db/database';
import { boardDeal } from '@/lib/db/deal-index';
import type { StageTotalsRow } from '@/lib/db/stage-totals';
import { type BoardState, boardStateFrom, patchBoard } from '@/lib/pipeline/board-columns';
import type { Prefetched } from './prefetch';

const CHANGED_DEALS = `idb://${DB_NAME}/dealIndex/`;
/** More changed deals than this at once (an import, a bulk move): read the columns again instead. */
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

export interface BoardDeals {
  state: BoardState | undefined;
  /**
   * While the board shows only its columns' first cards (it opened on them, see prefetch.ts): each stage's
   * stored totals, for the headers and the columns' lengths. Null once every column has been read in full.
   */
  preview: ReadonlyMap<string, StageTotalsRow | undefined> | null;
}

/**
 * The deals of the board's open columns: read once from the compact deal index, then kept current from Dexie's
 * change notices (from this page or any other context, e.g. the background answering a move): only the deals
 * that changed are read again and patched in, so a move costs one small read, not two columns. When the page
 * opened on the columns' first cards, they are shown at once and the columns are read in full right after that
 * first frame has been painted.
 */
export function useBoardDeals(stageIds: readonly string[], prefetched?: Prefetched): BoardDeals {
  const key = stageIds.join('\u0000');
  // The page's first board may come read already (components/board/prefetch.ts) for these very columns.
  const usable =
    prefetched && stageIds.length === prefetched.byStage.size && stageIds.every((id) => prefetched.byStage.has(id));
  const [deals, setDeals] = useState<BoardDeals>(() =>
    usable
      ? { state: boardStateFrom(prefetched.byStage), preview: prefetched.preview ?? null }
      : { state: undefined, preview: null },
  );
  const first = useRef(usable);
  useEffect(() => {
    const db = getDb();
    let cancelled = false;
    let loading = false;
    let stale = false;
    // Whether the state holds every deal of the columns (patches apply only to a whole column).
    let complete = first.current ? !prefetched!.preview : false;
    const load = async () => {
      loading = true;
      stale = false;
      const entries = await Promise.all(
        stageIds.map(
          async (id) => [id, (await db.dealIndex.where('stageId').equals(id).toArray()).map(boardDeal)] as const,
        ),
      );
      if (cancelled) return;
      setDeals({ state: boardStateFrom(new Map(entries)), preview: null });
      complete = true;
      performance.mark('board-complete');
      loading = false;
      if (stale) void load();
    };
    const reload = () =>
      void load().catch((err) => console.error('Prospector: the board could not read its deals', err));
    const onChange = (parts: ObservabilitySet) => {
      const tree = parts[CHANGED_DEALS];
      if (!tree || cancelled) return;
      if (loading) {
        stale = true;
        return;
      }
      const keys = changedKeys(tree);
      if (!keys || !complete) {
        reload();
        return;
      }
      void db.dealIndex.bulkGet(keys).then((rows) => {
        if (cancelled) return;
        const changes = keys.map((id, i) => {
          const row = rows[i];
          return { id, deal: row?.stageId === undefined ? undefined : boardDeal(row) };
        });
        setDeals((s) => (s.state ? { ...s, state: patchBoard(s.state, changes) } : s));
      });
    };
    Dexie.on('storagemutated', onChange);
    const fresh = first.current && !prefetched!.changedSince();
    first.current = false;
    prefetched?.release();
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (!fresh) reload();
    else if (complete) performance.mark('board-complete');
    else {
      // The first cards are on screen: read the columns in full once that frame has been painted.
      loading = true;
      frame = requestAnimationFrame(() => {
        timer = setTimeout(reload);
      });
    }
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      Dexie.on('storagemutated').unsubscribe(onChange);
    };
  }, [key]);
  return deals;
}
