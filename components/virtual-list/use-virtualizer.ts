import { elementScroll, observeElementOffset, Virtualizer, type VirtualizerOptions } from '@tanstack/virtual-core';
import { useLayoutEffect, useReducer, useState } from 'preact/hooks';

export type VirtualOptions = Pick<
  VirtualizerOptions<HTMLElement, HTMLElement>,
  'count' | 'getScrollElement' | 'estimateSize' | 'overscan' | 'getItemKey' | 'initialRect' | 'paddingStart' | 'gap'
>;

/**
 * The scroll element's size, from a ResizeObserver only. TanStack's own observeElementRect also reads the
 * element's clientHeight at once, on mount, in the middle of the page's first render: a forced layout of the
 * whole half-built page, once per list (measured: 60–80 ms of a 10,000-deal board's first render). Until the
 * observer's first report, which comes after the browser's own layout and before the first paint, the list
 * uses its initialRect.
 */
const observeElementRect: VirtualizerOptions<HTMLElement, HTMLElement>['observeElementRect'] = (instance, cb) => {
  const element = instance.scrollElement;
  if (!element || typeof ResizeObserver === 'undefined') return;
  const observer = new ResizeObserver(() => {
    // Inside the observer's callback the layout is fresh: reading it costs nothing.
    cb({ width: Math.round(element.clientWidth), height: Math.round(element.clientHeight) });
  });
  observer.observe(element, { box: 'content-box' });
  return () => observer.disconnect();
};

/**
 * TanStack's element scrolling, without the write it makes when a list mounts: scrolling a list that has never
 * moved to offset 0, a no-op that still forces a layout of the half-built page (another 60 ms on the board).
 */
const scrollToFn: VirtualizerOptions<HTMLElement, HTMLElement>['scrollToFn'] = (offset, options, instance) => {
  if (offset + (options.adjustments ?? 0) === 0 && !instance.scrollOffset && !options.behavior) return;
  elementScroll(offset, options, instance);
};

/**
 * TanStack Virtual's framework-free core as a Preact hook, the way its React adapter does it: one Virtualizer per
 * component, options refreshed on every render, a re-render whenever the visible range changes.
 */
export function useVirtualizer(options: VirtualOptions): Virtualizer<HTMLElement, HTMLElement> {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const resolved: VirtualizerOptions<HTMLElement, HTMLElement> = {
    observeElementRect,
    observeElementOffset,
    scrollToFn,
    ...options,
    onChange: () => rerender(undefined),
  };
  const [instance] = useState(() => new Virtualizer(resolved));
  instance.setOptions(resolved);
  useLayoutEffect(() => instance._didMount(), []);
  useLayoutEffect(() => instance._willUpdate());
  return instance;
}
