// The forecast and analytics views on a demo pipeline in real Chromium: controls by mouse and keyboard, the fix
// of a data problem flowing back through the background and the report worker's live query, and axe-core in the
// light and dark themes.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Extension, launchExtension, ROOT } from './harness';

const AXE_SOURCE = readFileSync(`${ROOT}/node_modules/axe-core/axe.min.js`, 'utf8');

/** axe-core's serious and critical violations on the page (id: targets). */
async function axeViolations(page: Page): Promise<string[]> {
  // addScriptTag would be an inline script, which the extension's CSP blocks: evaluate the source instead.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global script.
    const axe = (globalThis as any).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v: { id: string; impact: string; nodes: { target: string[] }[] }) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  return found
    .filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
    .map((v: { id: string; nodes: string[] }) => `${v.id}: ${v.nodes.slice(0, 3).join(', ')}`);
}

async function value(page: Page, testid: string): Promise<number> {
  return Number(await page.getByTestId(testid).first().getAttribute('data-value'));
}

describe('the forecast and analytics views', () => {
  let ext: Extension;
  let page: Page;

  beforeAll(async () => {
    ext = await launchExtension();
    page = await ext.context.newPage();
    await page.goto(ext.url('options.html'));
    const loaded = await page.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'demo.load', payload: { contacts: 600, notesPerDeal: 0.5 } }),
    );
    expect(loaded).toMatchObject({ ok: true, data: { deals: 600 } });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('shows the forecast by period as a chart and a table that agree with the totals', async () => {
    await page.goto(ext.url('options.html#forecast'));
    await page.getByTestId('forecast-ready').waitFor();
    expect(await page.getByTestId('view-forecast').count()).toBe(1);
    const rows = page.locator('[data-testid="forecast-table"] tbody tr');
    expect(await rows.count()).toBe(6);
    expect(await page.locator('[data-testid="forecast-chart"] svg[role="img"]').count()).toBe(1);
    const weighted = await page
      .locator('[data-testid$="-weighted"][data-testid^="forecast-row-"]')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
    expect(weighted).toHaveLength(6);
    expect(await value(page, 'forecast-total-weighted')).toBe(weighted.reduce((a, b) => a + b, 0));
    // Every open deal is in a period row or a bucket beside them (600 deals, all in USD).
    expect(await page.getByTestId('forecast-as-of-note').textContent()).toContain('600');

    // Quarters, from the menu; the choice is kept in the URL.
    await page.getByTestId('forecast-grain').selectOption('quarter');
    await expect.poll(() => rows.count()).toBe(4);
    expect(page.url()).toContain('grain=quarter');
    expect(await rows.first().getAttribute('data-testid')).toMatch(/^forecast-row-\d{4}-Q[1-4]$/);
  });

  it('weighs by the method picked once in Settings: the board and the forecast agree, the others beside it', async () => {
    // The default: stage settings, on the board and the forecast alike.
    await page.goto(ext.url('options.html#forecast'));
    await page.getByTestId('forecast-ready').waitFor();
    expect(await page.getByTestId('forecast-method-in-use').getAttribute('data-value')).toBe('configured');
    const byStageSettings = await value(page, 'forecast-pipeline-weighted');
    expect(await boardWeighted()).toBe(byStageSettings);

    // Picked in Settings, by keyboard.
    await page.goto(ext.url('options.html#settings'));
    await page.getByTestId('settings-method-configured').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByTestId('settings-method-learned').isChecked()).toBe(true);
    await page.goto(ext.url('options.html#forecast'));
    await page.getByTestId('forecast-ready').waitFor();
    await expect.poll(() => page.getByTestId('forecast-method-in-use').getAttribute('data-value')).toBe('learned');
    expect(await page.getByTestId('forecast-method-help').textContent()).toContain('closed or stalled');
    expect(await page.getByTestId('forecast-stall-rule').textContent()).toContain('stalled');
    // 600 demo deals give every stage enough closed history: learned rates are used, none flagged.
    expect(await page.locator('[data-testid^="rate-"][data-fallback="false"]').count()).toBe(6);
    const learned = await value(page, 'forecast-pipeline-weighted');
    expect(learned).not.toBe(byStageSettings);
    expect(await boardWeighted()).toBe(learned);

    // Every method beside it, each with its error over the periods it could be checked on, the best one named.
    await page.goto(ext.url('options.html#forecast'));
    await page.getByTestId('forecast-methods').waitFor();
    for (const m of ['configured', 'learned', 'bant']) {
      expect(await value(page, `method-${m}-checked`)).toBeGreaterThan(0);
      expect(await value(page, `method-${m}-error`)).toBeGreaterThanOrEqual(0);
    }
    expect(await value(page, 'method-learned-weighted')).toBe(await value(page, 'forecast-total-weighted'));
    const errors = await Promise.all(['configured', 'learned', 'bant'].map((m) => value(page, `method-${m}-error`)));
    const best = ['configured', 'learned', 'bant'][errors.indexOf(Math.min(...errors))];
    expect(await page.getByTestId('forecast-most-accurate').getAttribute('data-value')).toBe(best);

    await page.goto(ext.url('options.html#settings'));
    await page.getByTestId('settings-method-configured').click();
    await expect.poll(() => page.getByTestId('settings-method-configured').isChecked()).toBe(true);
  });

  /** The board's weighted headers of the open stages, in the rep's currency, added up (from their exact values). */
  async function boardWeighted(): Promise<number> {
    await page.goto(ext.url('options.html#board'));
    await page.locator('[data-testid="column-weighted"][data-value]').first().waitFor();
    await expect
      .poll(() => page.locator('[data-testid="column-weighted"][data-value=""]').count(), { timeout: 15_000 })
      .toBe(0);
    // Every open column drawn with its weighted amount known (under load the board can still be laying out its
    // columns when the first one is in).
    const open = page.locator('[data-stage-kind="open"]');
    await expect
      .poll(
        async () =>
          (await open.count()) > 0 &&
          (await open.locator('[data-testid="column-weighted"]:not([data-value=""])').count()) === (await open.count()),
        { timeout: 15_000 },
      )
      .toBe(true);
    const values = await page
      .locator('[data-stage-kind="open"] [data-testid="column-weighted"]')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
    return values.reduce((a, b) => a + b, 0);
  }

  it('fixes a deal without an amount in place, and the counts follow', async () => {
    await page.goto(ext.url('options.html#forecast'));
    await page.getByTestId('forecast-ready').waitFor();
    const before = await value(page, 'quality-count-no-amount');
    expect(before).toBeGreaterThan(0);
    const item = page.getByTestId('quality-item').filter({ hasText: 'No amount' }).first();
    const dealId = await item.getAttribute('data-deal-id');
    await item.getByTestId('quality-fix').click();
    // The first field takes the focus: the amount can be typed straight away.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('quality-fix-amount');
    await page.keyboard.type('1234.5');
    await item.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => value(page, 'quality-count-no-amount'), { timeout: 15_000 }).toBe(before - 1);
    const stored = await page.evaluate(
      (id) =>
        new Promise<{ amount: number | null }>((ok) => {
          const open = indexedDB.open('prospector');
          open.onsuccess = () => {
            const req = open.result.transaction('deals').objectStore('deals').get(id!);
            req.onsuccess = () => ok(req.result);
          };
        }),
      dealId,
    );
    expect(stored.amount).toBe(123_450);
  });

  it('shows the KPIs for a range picked from the presets', async () => {
    await page.goto(ext.url('options.html#analytics'));
    await page.getByTestId('analytics-ready').waitFor();
    await page.getByRole('button', { name: 'Last 90 days' }).click();
    await expect.poll(() => page.url()).toMatch(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
    await expect
      .poll(() => page.getByRole('button', { name: 'Last 90 days' }).getAttribute('aria-pressed'))
      .toBe('true');
    const won = await value(page, 'kpi-won');
    const closed = await value(page, 'kpi-closed');
    expect(closed).toBeGreaterThan(0);
    expect(await value(page, 'kpi-win-rate')).toBeCloseTo(won / closed, 12);
    expect(await page.getByTestId('funnel-table').locator('tbody tr').count()).toBe(7);
  });

  it('has no serious accessibility violations, light or dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const view of ['forecast', 'analytics']) {
        await page.goto(ext.url(`options.html#${view}`));
        await page.getByTestId(`${view}-ready`).waitFor();
        expect(await axeViolations(page), `${view} (${scheme})`).toEqual([]);
      }
    }
  });
});
