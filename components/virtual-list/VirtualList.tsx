import type { ComponentChildren, HTMLAttributes, Ref } from 'preact';
import { useImperativeHandle, useRef } from 'preact/hooks';
import { useVirtualizer } from './use-virtualizer';

export interface VirtualListHandle {
  /** Scrolls so the item at `index` is visible (nearest edge). */
  scrollToIndex(index: number): void;
  /** Indexes currently rendered (visible plus overscan). */
  renderedRange(): [number, number];
}

export interface VirtualListProps<T> {
  items: readonly T[];
  /** Rows in the list, when more than the items at hand (the others are drawn as renderItem(undefined)). */
  count?: number;
  /** Every row's height in px, including its gap: rows have a fixed height, so nothing is measured. */
  itemHeight: number;
  getKey: (item: T, index: number) => string;
  renderItem: (item: T | undefined, index: number) => ComponentChildren;
  /** Rows drawn above and below the visible ones (smooth scrolling vs. work per frame). */
  overscan?: number;
  /** Expected viewport size before layout: lets the first render draw rows at once. */
  initialHeight?: number;
  class?: string;
  listClass?: string;
  /** Attributes for the list element (role, aria-label…). */
  listProps?: HTMLAttributes<HTMLUListElement>;
  handle?: Ref<VirtualListHandle>;
}

const byIndex = (i: number) => i;

/**
 * A vertically virtualised list: only the rows in view (plus overscan) are in the DOM, absolutely positioned in
 * a full-height list, so 10,000 rows cost what 20 do. The outer element scrolls.
 */
export function VirtualList<T>(props: VirtualListProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: Math.max(props.count ?? 0, props.items.length),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => props.itemHeight,
    overscan: props.overscan ?? 6,
    // Rows have a fixed height, so the virtualizer caches nothing per item: a stable key by position keeps it from
    // working out every row's measurement again whenever the items change (each move, at thousands of rows).
    getItemKey: byIndex,
    initialRect: { width: 0, height: props.initialHeight ?? 600 },
  });
  useImperativeHandle(
    props.handle ?? null,
    () => ({
      scrollToIndex: (index: number) => virtualizer.scrollToIndex(index, { align: 'auto' }),
      renderedRange: () => {
        const items = virtualizer.getVirtualItems();
        return [items[0]?.index ?? 0, items.at(-1)?.index ?? -1];
      },
    }),
    [virtualizer],
  );
  const rows = virtualizer.getVirtualItems();
  return (
    <div ref={scrollRef} class={props.class} style={{ overflowY: 'auto', contain: 'strict' }}>
      <ul
        {...props.listProps}
        class={props.listClass}
        style={{ height: `${virtualizer.getTotalSize()}px`, position: 'relative', margin: 0, padding: 0 }}
      >
        {rows.map((row) => (
          <li
            key={row.index < props.items.length ? props.getKey(props.items[row.index]!, row.index) : `#${row.index}`}
            style={{
              position: 'absolute',
              top: 0,
              left: 0,
              right: 0,
              height: `${props.itemHeight}px`,
              transform: `translateY(${row.start}px)`,
            }}
          >
            {props.renderItem(props.items[row.index], row.index)}
          </li>
        ))}
      </ul>
    </div>
  );
}
