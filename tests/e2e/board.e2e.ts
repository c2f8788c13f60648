// The pipeline board in real Chromium: drag, keyboard and menu moves persist (with their stage-change
// activity), filters survive reload, Won/Lost start collapsed, and axe finds nothing serious (light and dark).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, type Extension, launchExtension, readStore, sendFrom, seriousA11yViolations } from './harness';

interface DealRow {
  id: string;
  contactId: string;
  stageId: string;
  deletedAt: number | null;
}
interface ActivityRow {
  at: number;
  dealId: string | null;
  type: string;
  payload: { from?: string; to?: string };
}

async function dealOf(page: Page, id: string): Promise<DealRow> {
  return (await readStore<DealRow>(page, 'deals')).find((d) => d.id === id)!;
}
async function movesOf(page: Page, id: string) {
  return (await readStore<ActivityRow>(page, 'activities'))
    .filter((a) => a.dealId === id && a.type === 'stage-changed')
    .sort((a, b) => a.at - b.at)
    .map((a) => `${a.payload.from}>${a.payload.to}`);
}
/** The first card of a column: its deal id. */
async function firstCard(page: Page, stageId: string): Promise<string> {
  const card = page.getByTestId(`column-${stageId}`).getByTestId('deal-card').first();
  await card.waitFor();
  return (await card.getAttribute('data-deal-id'))!;
}

describe('pipeline board', () => {
  let ext: Extension;
  let page: Page;

  beforeAll(async () => {
    ext = await launchExtension();
    page = await ext.context.newPage();
    await page.setViewportSize({ width: 1600, height: 900 });
    await page.goto(ext.url('options.html#board'));
    expect(await sendFrom(page, 'demo.load', { contacts: 400 })).toMatchObject({ ok: true });
    await page.reload();
    await page.getByTestId('board-ready').waitFor();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('shows open stages with cards and totals; Won and Lost collapsed until opened', async () => {
    const prospecting = page.getByTestId('column-prospecting');
    expect(await prospecting.getByTestId('column-count').textContent()).toMatch(/^\d+$/);
    expect(await prospecting.getByTestId('column-total').textContent()).toMatch(/\$/);
    expect(await prospecting.getByTestId('column-weighted').textContent()).toMatch(/\$/);
    const card = prospecting.getByTestId('deal-card').first();
    expect(await card.textContent()).toMatch(/BANT \d+/);
    expect(await card.textContent()).toMatch(/in stage/);
    expect(await page.getByTestId('column-won').getByTestId('deal-card').count()).toBe(0);
    await page.getByTestId('toggle-won').click();
    await page.getByTestId('column-won').getByTestId('deal-card').first().waitFor();
    expect(page.url()).toContain('open=won');
    await page.getByTestId('toggle-won').click();
    await expect.poll(() => page.getByTestId('column-won').getByTestId('deal-card').count()).toBe(0);
  });

  it('opens on each column’s first cards, headed by the stored totals, which the full read then agrees with', async () => {
    const tab = await ext.context.newPage();
    await tab.setViewportSize({ width: 1600, height: 900 });
    await tab.goto(ext.url('options.html#board'));
    await tab.waitForFunction(() => performance.getEntriesByName('board-complete').length > 0);
    // What the first render showed: the cards it drew, and headers that cannot yet come from the cards.
    const first = await tab.evaluate(() => {
      const ready = performance.getEntriesByName('board-ready')[0]!.startTime;
      const complete = performance.getEntriesByName('board-complete')[0]!.startTime;
      return { ready, complete };
    });
    expect(first.ready).toBeLessThan(first.complete);
    const headers = (p: Page) =>
      p.evaluate(() =>
        [...document.querySelectorAll('[data-testid^="column-"][aria-labelledby]')].map((c) => ({
          id: c.getAttribute('data-testid'),
          count: c.querySelector('[data-testid="column-count"]')?.textContent,
          total: c.querySelector('[data-testid="column-total"]')?.textContent,
          weighted: c.querySelector('[data-testid="column-weighted"]')?.textContent,
        })),
      );
    // The headers as the complete board computes them from its deals…
    const complete = await headers(tab);
    // …equal the stored totals the next tab opens with (its headers read at board-ready, before its full read).
    const next = await ext.context.newPage();
    await next.setViewportSize({ width: 1600, height: 900 });
    await next.addInitScript(() => {
      new PerformanceObserver((list) => {
        if (!list.getEntriesByName('board-ready').length) return;
        (globalThis as unknown as { atReady: unknown }).atReady = [
          ...document.querySelectorAll('[data-testid^="column-"][aria-labelledby]'),
        ].map((c) => ({
          id: c.getAttribute('data-testid'),
          count: c.querySelector('[data-testid="column-count"]')?.textContent,
          total: c.querySelector('[data-testid="column-total"]')?.textContent,
          weighted: c.querySelector('[data-testid="column-weighted"]')?.textContent,
        }));
      }).observe({ type: 'mark' });
    });
    await next.goto(ext.url('options.html#board'));
    await next.waitForFunction(() => (globalThis as unknown as { atReady?: unknown }).atReady !== undefined);
    const atReady = await next.evaluate(() => (globalThis as unknown as { atReady: unknown }).atReady);
    const completeBeforeReady = await next.evaluate(
      () =>
        performance.getEntriesByName('board-complete').length > 0 &&
        performance.getEntriesByName('board-complete')[0]!.startTime <
          performance.getEntriesByName('board-ready')[0]!.startTime,
    );
    expect(completeBeforeReady).toBe(false);
    expect(atReady).toEqual(complete);
    // And the counts are the stored deals'.
    const deals = (await readStore<DealRow>(tab, 'deals')).filter((d) => d.deletedAt === null);
    for (const h of complete.filter((c) => c.count !== undefined)) {
      const stageId = h.id!.replace('column-', '');
      expect(Number(h.count!.replace(/\D/g, '')), stageId).toBe(deals.filter((d) => d.stageId === stageId).length);
    }
    await next.close();
    await tab.close();
  });

  it('starts its first module without waiting for a stylesheet, and draws its first cards styled', async () => {
    // A <link rel="stylesheet"> for the screen in the HTML holds back module scripts until it has loaded, and the
    // first module starts the board's reads: the sheets are held for print and switched to all media by that
    // module, before the first render (lib/page-styles.ts).
    const html = await readFile(join(EXTENSION_DIR, 'options.html'), 'utf8');
    const sheets = [...html.matchAll(/<link rel="stylesheet"[^>]*>/g)].map((m) => m[0]);
    expect(sheets.length).toBeGreaterThan(0);
    for (const sheet of sheets) expect(sheet).toMatch(/ media="print" data-apply /);
    const tab = await ext.context.newPage();
    await tab.setViewportSize({ width: 1600, height: 900 });
    // What the board looked like when its first cards were drawn (the board-ready mark).
    await tab.addInitScript(() => {
      new PerformanceObserver((list) => {
        if (!list.getEntriesByName('board-ready').length) return;
        const board = document.querySelector('.board');
        (globalThis as unknown as { atReady: unknown }).atReady = {
          sheets: [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].filter(
            (l) => l.media === 'all',
          ).length,
          display: board ? getComputedStyle(board).display : null,
        };
      }).observe({ type: 'mark' });
    });
    await tab.goto(ext.url('options.html#board'));
    await tab.waitForFunction(() => (globalThis as unknown as { atReady?: unknown }).atReady !== undefined);
    const atReady = await tab.evaluate(() => (globalThis as unknown as { atReady: unknown }).atReady);
    expect(atReady).toEqual({ sheets: html.match(/data-apply/g)!.length, display: 'flex' });
    await tab.close();
  });

  it('moves a card by drag and drop, stored with its stage change', async () => {
    const id = await firstCard(page, 'prospecting');
    expect(await movesOf(page, id)).toEqual([]);
    const card = page.locator(`[data-deal-id="${id}"]`);
    await card.dragTo(page.getByTestId('column-demo'));
    await expect.poll(async () => (await dealOf(page, id)).stageId).toBe('demo');
    expect(await movesOf(page, id)).toEqual(['prospecting>demo']);
    await expect.poll(() => page.getByTestId('column-demo').locator(`[data-deal-id="${id}"]`).count()).toBe(1);
    expect(await page.getByTestId('column-prospecting').locator(`[data-deal-id="${id}"]`).count()).toBe(0);
    await page.reload();
    await page.getByTestId('board-ready').waitFor();
    await page.getByTestId('board-sort').selectOption('updated');
    await expect.poll(() => page.getByTestId('column-demo').locator(`[data-deal-id="${id}"]`).count()).toBe(1);
  });

  it('moves a card by keyboard (Shift+arrow), focus following the card', async () => {
    const id = await firstCard(page, 'qualification');
    const before = await movesOf(page, id);
    await page.locator(`[data-deal-id="${id}"]`).focus();
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(async () => (await dealOf(page, id)).stageId).toBe('demo');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-deal-id'))).toBe(id);
    expect(await page.getByTestId('board-announcement').textContent()).toContain('Demo');
    await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(async () => (await dealOf(page, id)).stageId).toBe('qualification');
    expect(await movesOf(page, id)).toEqual([...before, 'qualification>demo', 'demo>qualification']);
    // Arrow keys move between cards without moving anything.
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() =>
        page.evaluate(() => document.activeElement?.closest('[data-testid^="column-"]')?.getAttribute('data-testid')),
      )
      .toBe('column-qualification');
    expect((await dealOf(page, id)).stageId).toBe('qualification');
  });

  it('moves a card with its "…" menu', async () => {
    const id = await firstCard(page, 'initial_contact');
    const before = await movesOf(page, id);
    await page.locator(`[data-deal-id="${id}"]`).getByTestId('card-menu').click();
    await page.getByTestId('card-menu-list').getByTestId('move-to-lost').click();
    await expect.poll(async () => (await dealOf(page, id)).stageId).toBe('lost');
    expect(await movesOf(page, id)).toEqual([...before, 'initial_contact>lost']);
    const stored = (await readStore<DealRow & { outcome: string }>(page, 'deals')).find((d) => d.id === id);
    expect(stored?.outcome).toBe('lost');
  });

  it('keeps filters and sort in the URL across a reload', async () => {
    const contacts = await readStore<{ id: string; name: string; company: string }>(page, 'contacts');
    const deals = await readStore<DealRow>(page, 'deals');
    const open = deals.find((d) => ['prospecting', 'qualification'].includes(d.stageId))!;
    const who = contacts.find((c) => c.id === open.contactId)!;
    const [first] = who.name.split(' ');
    await page.getByTestId('board-search').fill(`${first} ${who.company.split(' ')[0]}`);
    await expect.poll(() => page.url()).toContain('q=');
    await page.getByTestId('board-sort').selectOption('amount');
    const shown = async () => (await page.getByTestId('deal-card').allTextContents()).join('\n');
    await expect.poll(shown).toContain(who.name);
    const before = await page.getByTestId('deal-card').count();
    await page.reload();
    await page.getByTestId('board-ready').waitFor();
    expect(await page.getByTestId('board-search').inputValue()).toBe(`${first} ${who.company.split(' ')[0]}`);
    expect(await page.getByTestId('board-sort').inputValue()).toBe('amount');
    await expect.poll(() => page.getByTestId('deal-card').count()).toBe(before);
    for (const text of await page.getByTestId('deal-card').allTextContents()) expect(text).toContain(first);
  });

  it('has no serious or critical accessibility violations, light or dark', async () => {
    await page.goto(ext.url('options.html#board'));
    await page.getByTestId('board-ready').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
