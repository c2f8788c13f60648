import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/money';

interface Offscreen {
  left: number;
  right: number;
}

/**
 * The columns that do not fit the window, counted on either side: a column less than half in view counts as
 * off screen. Read after the frame is drawn (a layout read during the board's first render would slow it).
 */
function countOffscreen(board: HTMLElement): Offscreen {
  const box = board.getBoundingClientRect();
  let left = 0;
  let right = 0;
  for (const col of board.children) {
    const r = col.getBoundingClientRect();
    const half = r.width / 2;
    if (r.right - half < box.left) left++;
    else if (r.left + half > box.right) right++;
  }
  return { left, right };
}

/**
 * The board's scrolling row of columns, with a cue on each side where columns are out of view: a shadow on
 * the edge and a button ("3 more columns →") that scrolls the next hidden column into view. A rep with a wide
 * pipeline on a laptop otherwise never learns that Negotiation exists.
 */
export function ColumnsCue({ columns, children }: { columns: number; children: ComponentChildren }) {
  const board = useRef<HTMLDivElement>(null);
  const [off, setOff] = useState<Offscreen>({ left: 0, right: 0 });
  useEffect(() => {
    const el = board.current;
    if (!el) return;
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const next = countOffscreen(el);
        setOff((o) => (o.left === next.left && o.right === next.right ? o : next));
      });
    };
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    const resized = new ResizeObserver(measure);
    resized.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      el.removeEventListener('scroll', measure);
      resized.disconnect();
    };
  }, [columns]);

  const reveal = (side: 'left' | 'right') => {
    const el = board.current;
    if (!el) return;
    const box = el.getBoundingClientRect();
    const cols = [...el.children] as HTMLElement[];
    const next =
      side === 'right'
        ? cols.find((c) => c.getBoundingClientRect().right > box.right + 1)
        : cols.findLast((c) => c.getBoundingClientRect().left < box.left - 1);
    next?.scrollIntoView({ behavior: 'smooth', inline: 'nearest', block: 'nearest' });
  };

  return (
    <div class={`board-wrap${off.left ? ' more-left' : ''}${off.right ? ' more-right' : ''}`}>
      <div class="board" ref={board}>
        {children}
      </div>
      {off.left > 0 && (
        <button
          type="button"
          class="board-cue board-cue-left"
          data-testid="columns-left"
          onClick={() => reveal('left')}
        >
          {off.left === 1 ? t('board_oneMoreColumnLeft') : t('board_moreColumnsLeft', formatNumber(off.left))}
        </button>
      )}
      {off.right > 0 && (
        <button
          type="button"
          class="board-cue board-cue-right"
          data-testid="columns-right"
          onClick={() => reveal('right')}
        >
          {off.right === 1 ? t('board_oneMoreColumnRight') : t('board_moreColumnsRight', formatNumber(off.right))}
        </button>
      )}
    </div>
  );
}
