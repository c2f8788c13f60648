import Dexie, { cmp, type ObservabilitySet, RangeSet } from 'dexie';
import { useEffect, useRef, useState } from 'preact/hooks';
import { DB_NAME, getDb } from '@/lib/db/database';
import { boardDeal } from '@/lib/db/deal-index';
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

/**
 * The deals of the board's open columns: read once from the compact deal index, then kept current from Dexie's
 * change notices (from this page or any other context, e.g. the background answering a move): only the deals
 * that changed are read again and patched in, so a move costs one small read, not two columns.
 */
export function useBoardDeals(stageIds: readonly string[], prefetched?: Prefetched): BoardState | undefined {
  const key = stageIds.join('\u0000');
  // The page's first board may come read already (components/board/prefetch.ts) for these very columns.
  const usable =
    prefetched && stageIds.length === prefetched.byStage.size && stageIds.every((id) => prefetched.byStage.has(id));
  const [state, setState] = useState<BoardState | undefined>(() =>
    usable ? boardStateFrom(prefetched.byStage) : undefined,
  );
  const first = useRef(usable);
  useEffect(() => {
    const db = getDb();
    let cancelled = false;
    let loading = false;
    let stale = false;
    const load = async () => {
      loading = true;
      stale = false;
      const entries = await Promise.all(
        stageIds.map(async (id) => {
          performance.mark(`q0-${id}`);
          const rows = await db.dealIndex.where('stageId').equals(id).toArray();
          performance.mark(`q1-${id}`);
          const d = rows.map(boardDeal);
          return [id, d] as const;
        }),
      );
      performance.mark('q-end');
      if (cancelled) return;
      setState(boardStateFrom(new Map(entries)));
      performance.mark('set');
      loading = false;
      if (stale) void load();
    };
    const onChange = (parts: ObservabilitySet) => {
      const tree = parts[CHANGED_DEALS];
      if (!tree || cancelled) return;
      if (loading) {
        stale = true;
        return;
      }
      const keys = changedKeys(tree);
      if (!keys) {
        void load();
        return;
      }
      void db.dealIndex.bulkGet(keys).then((rows) => {
        if (cancelled) return;
        const changes = keys.map((id, i) => {
          const row = rows[i];
          return { id, deal: row?.stageId === undefined ? undefined : boardDeal(row) };
        });
        setState((s) => (s ? patchBoard(s, changes) : s));
      });
    };
    Dexie.on('storagemutated', onChange);
    const fresh = first.current && !prefetched!.changedSince();
    first.current = false;
    prefetched?.release();
    if (!fresh) void load().catch((err) => console.error('Prospector: the board could not read its deals', err));
    return () => {
      cancelled = true;
      Dexie.on('storagemutated').unsubscribe(onChange);
    };
  }, [key]);
  return state;
}
