import { useCallback, useState } from 'preact/hooks';
import type { BoardDeal } from '@/lib/db/deal-index';
import { describeError } from '@/lib/errors';
import { t } from '@/lib/i18n';
import type { Stage } from '@/lib/model';
import { movedBoardDeal, type PendingMove } from '@/lib/pipeline/board-columns';

/** How long a confirmed move stays applied on top of the live data (until the live queries have caught up). */
const SETTLE_MS = 1500;

/**
 * The message client (with its protocol's schemas), loaded when the board first moves a card, or once its first
 * cards are on screen (warmMoves): as a static import it was fetched, compiled and built on every board open,
 * before the first card was drawn, for a click that may never come.
 */
let client: Promise<typeof import('@/lib/messaging/client')> | undefined;
function loadClient() {
  client ??= import('@/lib/messaging/client').catch((err) => {
    // Tried again on the next move (the extension may have been updated under the page).
    client = undefined;
    throw err;
  });
  return client;
}

/** Loads what a move needs ahead of the first one, so the first move is as quick as the next. */
export function warmMoves(): void {
  // A failure here is reported by the move that needs the client, if one comes.
  loadClient().catch(() => {});
}

/**
 * Card moves: shown at once (optimistically), persisted through the background's deal.move (which records the
 * stage change), undone on screen with a message if the background refuses. Drag, keyboard and the stage menu
 * all come here.
 */
export function useBoardMoves(announce: (text: string) => void, fail: (text: string) => void) {
  const [pending, setPending] = useState<ReadonlyMap<string, PendingMove>>(new Map());
  const drop = useCallback((dealId: string, entry: PendingMove) => {
    setPending((p) => {
      if (p.get(dealId) !== entry) return p;
      const next = new Map(p);
      next.delete(dealId);
      return next;
    });
  }, []);
  const move = useCallback(
    async (deal: BoardDeal, stage: Stage, name: string) => {
      if (deal.stageId === stage.id) return;
      const entry: PendingMove = { deal: movedBoardDeal(deal, stage, Date.now()), from: deal.stageId };
      setPending((p) => new Map(p).set(deal.id, entry));
      announce(t('board_moved', name, stage.name));
      try {
        const { send } = await loadClient();
        await send('deal.move', { dealId: deal.id, stageId: stage.id });
        // The benchmark's end point: the move is stored (it was on screen already).
        performance.mark(`board-move-saved:${deal.id}`);
        setTimeout(() => drop(deal.id, entry), SETTLE_MS);
      } catch (err) {
        drop(deal.id, entry);
        fail(t('board_moveFailed', name, describeError(err)));
      }
    },
    [announce, fail, drop],
  );
  return { pending, move };
}
