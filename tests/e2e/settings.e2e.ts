// Settings in real Chromium: the stage editor refuses to remove a stage while deals remain (and so does the
// background), saves edits and templates, moves deals when told where; the language re-renders the page;
// auto-detection is on only with the site's permission; axe finds nothing serious (light and dark).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { originsOf, siteById } from '../../lib/extract/site-list';
import { type Extension, launchExtension, readStore, sendFrom, seriousA11yViolations } from './harness';

interface StageRow {
  id: string;
  name: string;
  order: number;
}
interface DealRow {
  id: string;
  stageId: string;
}

const stageIds = async (page: Page) =>
  (await readStore<StageRow>(page, 'stages')).sort((a, b) => a.order - b.order).map((s) => s.id);

describe('settings', () => {
  let ext: Extension;
  let page: Page;

  beforeAll(async () => {
    ext = await launchExtension();
    page = await ext.context.newPage();
    await page.goto(ext.url('options.html#settings'));
    expect(await sendFrom(page, 'demo.load', { contacts: 200 })).toMatchObject({ ok: true });
    await page.reload();
    await page.getByTestId('stage-editor').waitFor();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('refuses to remove a stage while deals remain, then moves them where the rep says', async () => {
    const inDemo = (await readStore<DealRow>(page, 'deals')).filter((d) => d.stageId === 'demo').map((d) => d.id);
    expect(inDemo.length).toBeGreaterThan(0);
    await page.getByTestId('stage-row-demo').getByTestId('remove-stage').click();
    const issues = page.getByTestId('stage-issues');
    await issues.waitFor();
    expect(await issues.textContent()).toContain(`still has ${inDemo.length} deals`);
    expect(await page.getByTestId('save-stages').isDisabled()).toBe(true);
    expect(await stageIds(page)).toContain('demo');

    // The background refuses on its own too (a page that skipped the check changes nothing).
    const stages = (await readStore<StageRow>(page, 'stages')).filter((s) => s.id !== 'demo');
    const refused = await sendFrom<{ ok: boolean; parts: { key: string }[] }>(page, 'stages.save', { stages });
    expect(refused.ok).toBe(false);
    // The reason travels as its words' key and values, said in the rep's language by the page that shows it.
    expect(refused.parts.map((p) => p.key)).toContain('settings_stageHasDeals');
    expect(await stageIds(page)).toContain('demo');

    await page.getByTestId('reassign-demo').selectOption('proposal');
    await expect.poll(() => page.getByTestId('stage-issues').count()).toBe(0);
    await page.getByTestId('save-stages').click();
    await expect.poll(() => stageIds(page)).not.toContain('demo');
    const deals = await readStore<DealRow>(page, 'deals');
    for (const id of inDemo) expect(deals.find((d) => d.id === id)?.stageId).toBe('proposal');
    const moves = await readStore<{ type: string; payload: { from?: string; reason?: string } }>(page, 'activities');
    expect(moves.filter((a) => a.payload.from === 'demo' && a.payload.reason === 'stage-removed')).toHaveLength(
      inDemo.length,
    );
  });

  it('renames, adds and reorders stages, and the board shows them', async () => {
    const row = page.getByTestId('stage-row-qualification');
    await row.getByTestId('stage-name').fill('Discovery');
    await page.getByTestId('add-stage').click();
    await page.getByRole('button', { name: 'Move Discovery up' }).click();
    await page.getByTestId('save-stages').click();
    await expect.poll(async () => (await readStore<StageRow>(page, 'stages')).length).toBe(8);
    const stored = (await readStore<StageRow>(page, 'stages')).sort((a, b) => a.order - b.order);
    expect(stored.map((s) => s.name).slice(0, 2)).toEqual(['Prospecting', 'Discovery']);
    expect(stored.some((s) => s.name.startsWith('New stage'))).toBe(true);
    await page.goto(ext.url('options.html#board'));
    await page.getByTestId('board-ready').waitFor();
    expect(await page.getByTestId('column-qualification').locator('h2').textContent()).toBe('Discovery');
  });

  it('starts from the short template, moving deals to the stages it suggests', async () => {
    await page.goto(ext.url('options.html#settings'));
    await page.getByTestId('stage-editor').waitFor();
    await page
      .getByTestId('stage-editor')
      .getByRole('combobox', { name: 'Start from a template' })
      .selectOption('short');
    await page.getByTestId('apply-template').click();
    await page.getByTestId('reassign').waitFor();
    await page.getByTestId('save-stages').click();
    await expect.poll(() => stageIds(page)).toEqual(['lead', 'qualified', 'proposal', 'won', 'lost']);
    const stages = new Set(await stageIds(page));
    for (const d of await readStore<DealRow>(page, 'deals')) expect(stages.has(d.stageId), d.stageId).toBe(true);
  });

  it('switches the whole page to Bahasa Indonesia and back', async () => {
    await page.getByTestId('settings-locale').selectOption('id');
    await expect.poll(() => page.getByTestId('nav-settings').textContent()).toBe('Pengaturan');
    expect(await page.getByTestId('nav-contacts').textContent()).toBe('Kontak');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('id');
    await page.reload();
    await expect.poll(() => page.getByTestId('nav-settings').textContent()).toBe('Pengaturan');
    await page.getByTestId('settings-locale').selectOption('en');
    await expect.poll(() => page.getByTestId('nav-settings').textContent()).toBe('Settings');
  });

  it('saves currency, BANT weights and reminder defaults to the settings', async () => {
    await page.getByTestId('settings-currency').selectOption('IDR');
    await page.getByTestId('weight-budget').fill('40');
    await page.getByTestId('weight-budget').blur();
    await page.getByTestId('settings-reminders').uncheck();
    await expect
      .poll(() => page.evaluate(async () => (await chrome.storage.local.get('settings')).settings))
      .toMatchObject({ currency: 'IDR', bantWeights: { budget: 40 }, remindersEnabled: false });
  });

  it('keeps a weight being typed while another setting is saved meanwhile', async () => {
    const weight = page.getByTestId('weight-need');
    await weight.fill('35');
    // Another setting lands while the rep is still in the field (saved here by another page, as a quick edit
    // before this one would be): the page re-renders with it, and what is being typed must stay.
    await page.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings as object), currency: 'EUR' } });
    });
    await expect.poll(() => page.getByTestId('settings-currency').inputValue()).toBe('EUR');
    expect(await weight.inputValue()).toBe('35');
    await weight.blur();
    await expect
      .poll(() => page.evaluate(async () => (await chrome.storage.local.get('settings')).settings))
      .toMatchObject({ currency: 'EUR', bantWeights: { need: 35 } });
    await page.reload();
    await page.getByTestId('stage-editor').waitFor();
    expect(await page.getByTestId('weight-need').inputValue()).toBe('35');
  });

  it('does not turn auto-detection on before the browser grants the site', async () => {
    // Outlook, because the e2e build already holds Gmail's and LinkedIn's host permissions (capture tests read
    // saved pages routed to those URLs); of Outlook's origins it holds only outlook.office.com.
    const origins = originsOf(siteById('outlook')!);
    expect(origins).toContain('https://outlook.office.com/*');
    const state = () =>
      page.evaluate(
        async (o) => ({
          on:
            (
              (await chrome.storage.local.get('settings')).settings as { autoDetect?: string[] } | undefined
            )?.autoDetect?.includes('outlook') ?? false,
          granted: await chrome.permissions.contains({ origins: o }),
        }),
        origins,
      );
    expect(await state()).toEqual({ on: false, granted: false });
    await page.getByTestId('auto-outlook').click();
    // Headless Chromium shows the permission prompt and nobody can answer it here (the granted and refused
    // answers are covered by tests/unit/board/auto-detect.test.ts): while it is open, nothing is switched on.
    await page.waitForTimeout(500);
    expect(await state()).toEqual({ on: false, granted: false });
  });

  it('has no serious or critical accessibility violations, light or dark', async () => {
    await page.getByTestId('stage-row-lead').getByTestId('remove-stage').click();
    await page.getByTestId('stage-issues').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
