import type { Page } from 'playwright-core';
import { type Extension, tabIdOf } from '../support/browser';
import { openToolbarPopup } from '../support/toolbar-popup';
import { marksIn, marksOf, pollIn } from './marks';
import { backgroundReady } from './store-count';

/**
 * One popup open for `target`'s tab, as the benchmarks time it: navigation start → its 'popup-ready' mark (read
 * through a bare CDP session, marks.ts), and the start of each of `steps` (NaN: not set). `whileOpen` runs on the
 * open popup after the timing, before it closes (a check of what it shows, its own work let finish).
 */
export async function timePopupOpen(
  ext: Extension,
  target: Page,
  opts: { steps?: readonly string[]; timeoutMs?: number; whileOpen?: (popup: Page) => Promise<void> } = {},
): Promise<{ at: number; steps: number[] }> {
  const popup = await ext.context.newPage();
  const cdp = await ext.context.newCDPSession(popup);
  await popup.goto(ext.url(`popup.html?tabId=${await tabIdOf(ext, target)}`), { waitUntil: 'commit' });
  const [at] = await marksOf(cdp, ['popup-ready'], opts.timeoutMs ?? 30_000);
  await cdp.detach();
  const steps = await popup.evaluate(
    (names) => names.map((name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN),
    opts.steps ?? [],
  );
  await opts.whileOpen?.(popup);
  await popup.close();
  return { at: at!, steps };
}

/** An empty extension page's DOMContentLoaded (ms from navigation start): the scale the popup's time is read on. */
export async function timeEmptyPage(ext: Extension): Promise<number> {
  const empty = await ext.context.newPage();
  await empty.goto(ext.url('bench-empty.html'));
  const loaded = await empty.evaluate(
    () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
  );
  await empty.close();
  return loaded;
}

/**
 * The page the popup is timed on, once the background has started and opened its database (so the first timed
 * open does not pay for it): the benchmark's person page, served from `origin`.
 */
export async function openTimedPage(ext: Extension, origin: string): Promise<Page> {
  const ready = await ext.context.newPage();
  await ready.goto(ext.url('bench-empty.html'));
  await backgroundReady(ready);
  await ready.close();
  const target = await ext.context.newPage();
  await target.goto(`${origin}/loop/person.html`);
  return target;
}

/**
 * One open of the real toolbar popup on `target`'s tab (scripts/support/toolbar-popup.ts): navigation start → its
 * 'popup-ready' mark and its first contentful paint, once it has settled (the page read).
 */
export async function timeToolbarPopup(ext: Extension, target: Page): Promise<{ at: number; painted: number }> {
  const popup = await openToolbarPopup(ext, target);
  try {
    const [at, painted] = await marksIn(popup.evaluate, ['popup-ready', 'first-contentful-paint'], 30_000);
    // Let it finish (the page read) before closing, as the tab-hosted opens do.
    await pollIn(popup.evaluate, `!document.querySelector('main [role="status"]') || null`, 30_000, 'settled popup');
    return { at: at!, painted: painted! };
  } finally {
    await popup.close();
  }
}
