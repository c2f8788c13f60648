import type { Page } from 'playwright-core';
import { type Extension, launchExtension } from '../support/browser';
import { marksOf } from './marks';
import { benchProfile } from './profile';
import { type Figure, summarise } from './stats';
import { backgroundReady } from './store-count';

/** The board's target: 10,000 open deals. The demo generator closes about half, so it loads more contacts. */
const OPEN_DEALS = 10_000;
const PART = 21_000;

async function openDeals(page: Page): Promise<{ open: number; contacts: number }> {
  await backgroundReady(page);
  return page.evaluate(
    () =>
      new Promise<{ open: number; contacts: number }>((ok, fail) => {
        const req = indexedDB.open('prospector');
        req.onerror = () => fail(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['stages', 'dealIndex', 'contacts']);
          const stages = tx.objectStore('stages').getAll();
          const contacts = tx.objectStore('contacts').count();
          stages.onsuccess = () => {
            const open = (stages.result as { id: string; kind: string }[]).filter((s) => s.kind === 'open');
            let n = 0;
            let left = open.length;
            for (const s of open) {
              const c = tx.objectStore('dealIndex').index('stageId').count(s.id);
              c.onsuccess = () => {
                n += c.result;
                if (--left === 0) {
                  db.close();
                  ok({ open: n, contacts: contacts.result });
                }
              };
            }
          };
        };
      }),
  );
}

/**
 * The board with 10,000 open deals: first render (navigation start → every open column drawn with its visible
 * cards, the 'board-ready' mark) and a move through a card's "…" menu until it is both stored (the background
 * answered) and shown in its new column. A fresh browser of its own, so its demo data touches no other bench.
 */
export async function benchBoard(_shared: Extension, _origin: string, runs = 11, moves = 21): Promise<Figure[]> {
  const ext = await launchExtension(undefined, benchProfile('board'));
  try {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1600, height: 900 });
    await page.goto(ext.url('options.html#settings'));
    let counts = await openDeals(page);
    for (let seed = 42; counts.open < OPEN_DEALS; seed++) {
      const r = await page.evaluate(
        ([n, s]) => chrome.runtime.sendMessage({ type: 'demo.load', payload: { contacts: n, seed: s } }),
        [PART, seed] as const,
      );
      if (!r?.ok) throw new Error(`demo.load failed: ${JSON.stringify(r)}`);
      counts = await openDeals(page);
    }

    const firstRender: number[] = [];
    const firstPaint: number[] = [];
    // Each open in a tab of its own, as a rep opens the board (a reload would also time the old page's unload).
    for (let i = 0; i <= runs; i++) {
      const tab = await ext.context.newPage();
      await tab.setViewportSize({ width: 1600, height: 900 });
      const cdp = await ext.context.newCDPSession(tab);
      await tab.goto(ext.url('options.html#board'), { waitUntil: 'commit' });
      const [ready, painted] = await marksOf(cdp, ['board-ready', 'board-painted']);
      // The first load warms the browser's caches.
      if (i > 0) firstRender.push(ready!);
      if (i > 0) firstPaint.push(painted!);
      // Closed once it has read its columns in full: a tab closed mid-read leaves the database busy answering
      // it, and the next tab's first read would queue behind that.
      await marksOf(cdp, ['board-complete']);
      await tab.close();
      // …and the next opens once the browser has settled (the closed page's teardown and collection run in the
      // same extension process the next page starts in).
      await new Promise((ok) => setTimeout(ok, 1000));
    }
    await page.goto(ext.url('options.html#board'));
    // Moves are timed on the board as it stays: every column read in full (not its first cards only).
    await page.waitForFunction(() => performance.getEntriesByName('board-complete').length > 0);

    const moveTimes: number[] = [];
    const from = 'prospecting';
    const to = 'initial_contact';
    const cardId = await page
      .getByTestId(`column-${from}`)
      .getByTestId('deal-card')
      .first()
      .getAttribute('data-deal-id');
    if (!cardId) throw new Error('No card to move.');
    for (let i = 0; i < moves; i++) {
      const target = i % 2 === 0 ? to : from;
      await page.waitForTimeout(300);
      moveTimes.push(
        await page.evaluate(
          async ([id, stageId]) => {
            const button = document.querySelector<HTMLButtonElement>(
              `[data-deal-id="${id}"] [data-testid="card-menu"]`,
            );
            if (!button) throw new Error(`Card ${id} is not on screen.`);
            // The card's "…" menu is opened first (not timed): the move starts at the click on the stage.
            button.click();
            const itemSelector = `[data-testid="card-menu-list"] [data-testid="move-to-${stageId}"]`;
            for (let tries = 0; !document.querySelector(itemSelector); tries++) {
              if (tries > 100) throw new Error(`Card ${id}'s menu did not open.`);
              await new Promise((r) => setTimeout(r, 10));
            }
            const saved = performance.getEntriesByName(`board-move-saved:${id}`).length;
            const start = performance.now();
            document.querySelector<HTMLButtonElement>(itemSelector)!.click();
            // Checked whenever the page changes or a mark is set (observers, not a polling loop that would
            // compete with the work being timed).
            await new Promise<void>((done, fail) => {
              const moved = () => document.querySelector(`[data-testid="column-${stageId}"] [data-deal-id="${id}"]`);
              const stored = () => performance.getEntriesByName(`board-move-saved:${id}`).length > saved;
              const dom = new MutationObserver(() => check());
              const marks = new PerformanceObserver(() => check());
              const timer = setTimeout(
                () => finish(new Error(`Move not ${moved() ? 'stored' : 'shown'} after 10 s.`)),
                10_000,
              );
              function finish(err?: Error) {
                dom.disconnect();
                marks.disconnect();
                clearTimeout(timer);
                if (err) fail(err);
                else done();
              }
              function check() {
                if (moved() && stored()) finish();
              }
              dom.observe(document.body, { childList: true, subtree: true });
              marks.observe({ type: 'mark' });
              check();
            });
            return performance.now() - start;
          },
          [cardId, target] as const,
        ),
      );
    }
    return [
      summarise('board.firstRender', firstRender, 'ms', {
        openDeals: counts.open,
        contacts: counts.contacts,
        target: '<= 300',
        note: 'navigation start -> every open column drawn with its visible cards (the board-ready mark)',
      }),
      summarise('board.firstPaint', firstPaint, 'ms', {
        openDeals: counts.open,
        note: 'navigation start -> the task after the first frame with those cards painted',
      }),
      summarise('board.move', moveTimes, 'ms', { openDeals: counts.open, target: '<= 50' }),
    ];
  } finally {
    await ext.close();
  }
}
