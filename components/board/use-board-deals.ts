import { useEffect, useRef, useState } from 'preact/hooks';
import type { StageTotalsRow } from '@/lib/db/stage-totals';
import { type BoardState, boardStateFrom, patchBoard } from '@/lib/pipeline/board-columns';
import { boardColumns, boardDealsById, watchBoardDeals } from '@/lib/read/board-deals';
import { readNow } from '@/lib/read/watch';
import type { Prefetched } from './prefetch';

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
    let cancelled = false;
    let loading = false;
    let stale = false;
    // Whether the state holds every deal of the columns (patches apply only to a whole column).
    let complete = first.current ? !prefetched!.preview : false;
    const load = async () => {
      loading = true;
      stale = false;
      const entries = await readNow((db) => boardColumns(db, stageIds));
      if (cancelled) return;
      setDeals({ state: boardStateFrom(new Map(entries)), preview: null });
      complete = true;
      performance.mark('board-complete');
      loading = false;
      if (stale) void load();
    };
    const reload = () =>
      void load().catch((err) => console.error('Prospector: the board could not read its deals', err));
    const stopWatching = watchBoardDeals((keys) => {
      if (cancelled) return;
      if (loading) {
        stale = true;
        return;
      }
      if (!keys || !complete) {
        reload();
        return;
      }
      void readNow((db) => boardDealsById(db, keys)).then((rows) => {
        if (cancelled) return;
        const changes = keys.map((id, i) => ({ id, deal: rows[i] }));
        setDeals((s) => (s.state ? { ...s, state: patchBoard(s.state, changes) } : s));
      });
    });
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
      stopWatching();
    };
  }, [key]);
  return deals;
}
