import type { Page } from 'playwright-core';
import { type Extension, launchExtension } from '../../tests/e2e/harness';
import { benchProfile } from './profile';
import { type Figure, summarise } from './stats';

/** The board's target: 10,000 open deals. The demo generator closes about half, so it loads more contacts. */
const OPEN_DEALS = 10_000;
const PART = 21_000;

async function openDeals(page: Page): Promise<{ open: number; contacts: number }> {
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
 * cards, the 'board-ready' mark) and a move through a card's stage menu until it is both stored (the background
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
    for (let i = 0; i <= runs; i++) {
      await page.goto(ext.url('options.html#board'));
      await page.reload();
      await page.waitForFunction(() => performance.getEntriesByName('board-ready').length > 0, null, {
        timeout: 60_000,
      });
      const ms = await page.evaluate(() => performance.getEntriesByName('board-ready')[0]!.startTime);
      if (i > 0) firstRender.push(ms); // the first load warms the browser's caches
    }

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
            const select = document.querySelector<HTMLSelectElement>(
              `[data-deal-id="${id}"] [data-testid="card-stage"]`,
            );
            if (!select) throw new Error(`Card ${id} is not on screen.`);
            const saved = performance.getEntriesByName(`board-move-saved:${id}`).length;
            const start = performance.now();
            select.value = stageId;
            select.dispatchEvent(new Event('change', { bubbles: true }));
            await new Promise<void>((done, fail) => {
              const check = () => {
                const shown = document.querySelector(`[data-testid="column-${stageId}"] [data-deal-id="${id}"]`);
                const stored = performance.getEntriesByName(`board-move-saved:${id}`).length > saved;
                if (shown && stored) done();
                else if (performance.now() - start > 10_000)
                  fail(new Error(`Move not ${shown ? 'stored' : 'shown'} after 10 s.`));
                else setTimeout(check, 0);
              };
              check();
            });
            return performance.now() - start;
          },
          [cardId, target] as const,
        ),
      );
    }
    return [
      summarise('board.firstRender', firstRender, 'ms', { openDeals: counts.open, contacts: counts.contacts }),
      summarise('board.move', moveTimes, 'ms', { openDeals: counts.open }),
    ];
  } finally {
    await ext.close();
  }
}
