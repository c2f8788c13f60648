// "My deals / Team / by owner" (issue 16): one control on the board, the contacts, the forecast and analytics, in
// real Chromium on a demo pipeline. Not connected to a team, "My deals" is the owner name in Settings. The choice
// is kept in the URL (and survives reload), counts agree with the stored deals, the words are the same in all four
// views in English and Bahasa Indonesia, and axe finds nothing serious.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Extension, launchExtension, readStore, sendFrom, seriousA11yViolations } from './harness';

interface StoredDeal {
  id: string;
  contactId: string;
  owner: string;
  stageId: string;
  deletedAt: number | null;
}

const ME = 'Ayu';

async function setSettings(page: Page, patch: Record<string, unknown>): Promise<void> {
  await page.evaluate(async (p) => {
    const settings = ((await chrome.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
    await chrome.storage.local.set({ settings: { ...settings, ...p } });
  }, patch);
}

/** The deals the open columns count (Won and Lost are collapsed). */
async function columnTotal(page: Page, stageIds: Iterable<string>): Promise<number> {
  let sum = 0;
  for (const id of stageIds)
    sum += Number(
      ((await page.getByTestId(`column-${id}`).getByTestId('column-count').textContent()) ?? '').replace(/\D/g, ''),
    );
  return sum;
}

async function contactsCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('contacts-count').textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
}

describe('whose deals: My deals / Team / by owner', () => {
  let ext: Extension;
  let page: Page;
  let deals: StoredDeal[];
  let openStages: Set<string>;

  beforeAll(async () => {
    ext = await launchExtension();
    page = await ext.context.newPage();
    await page.goto(ext.url('options.html'));
    expect(await sendFrom(page, 'demo.load', { contacts: 90, notesPerDeal: 0 })).toMatchObject({ ok: true });
    await setSettings(page, { owner: ME, locale: 'en' });
    deals = (await readStore<StoredDeal>(page, 'deals')).filter((d) => d.deletedAt === null);
    const stages = await readStore<{ id: string; kind: string }>(page, 'stages');
    openStages = new Set(stages.filter((s) => s.kind === 'open').map((s) => s.id));
    // The demo spreads its deals over three owners: "mine" is a real subset.
    expect(new Set(deals.map((d) => d.owner)).size).toBeGreaterThan(1);
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('narrows the board to my open deals, keeps it in the URL and over a reload, and picks one owner in Team', async () => {
    const openOf = (owner: string | null) =>
      deals.filter((d) => openStages.has(d.stageId) && (owner === null || d.owner === owner)).length;
    await page.goto(ext.url('options.html#board'));
    await page.getByTestId('deal-card').first().waitFor();
    await expect.poll(() => columnTotal(page, openStages)).toBe(openOf(null));
    expect(await page.getByTestId('scope-team').getAttribute('aria-pressed')).toBe('true');

    await page.getByTestId('scope-mine').click();
    await expect.poll(() => page.url()).toContain('mine=1');
    await expect.poll(() => columnTotal(page, openStages)).toBe(openOf(ME));
    expect(await page.getByTestId('scope-mine').getAttribute('aria-pressed')).toBe('true');
    // "My deals" hides the owner picker: it is one choice, not two that could disagree.
    expect(await page.getByTestId('owner-filter').count()).toBe(0);
    await page.reload();
    await page.getByTestId('deal-card').first().waitFor();
    await expect.poll(() => columnTotal(page, openStages)).toBe(openOf(ME));
    expect(await page.getByTestId('scope-mine').getAttribute('aria-pressed')).toBe('true');

    await page.getByTestId('scope-team').click();
    await expect.poll(() => columnTotal(page, openStages)).toBe(openOf(null));
    expect(page.url()).not.toContain('mine=1');
    await page.getByTestId('owner-filter').selectOption('Ben');
    await expect.poll(() => page.url()).toContain('owner=Ben');
    await expect.poll(() => columnTotal(page, openStages)).toBe(openOf('Ben'));
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('lists the contacts I own a deal of in the contacts table', async () => {
    const contactsOf = (owner: string) => new Set(deals.filter((d) => d.owner === owner).map((d) => d.contactId)).size;
    await page.goto(ext.url('options.html#contacts'));
    await expect.poll(() => contactsCount(page)).toBe(90);
    await page.getByTestId('scope-mine').click();
    await expect.poll(() => page.url()).toContain('mine=1');
    await expect.poll(() => contactsCount(page)).toBe(contactsOf(ME));
    expect(contactsOf(ME)).toBeLessThan(90);
    await page.getByTestId('scope-team').click();
    await page.getByTestId('owner-filter').selectOption('Citra');
    await expect.poll(() => contactsCount(page)).toBe(contactsOf('Citra'));
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('gives analytics and the forecast the same control: My deals equals my name picked in Team', async () => {
    const openDeals = async () => Number(await page.getByTestId('kpi-open-deals').getAttribute('data-value'));
    await page.goto(ext.url('options.html#analytics'));
    await page.getByTestId('analytics-ready').waitFor();
    await page.getByTestId('preset-all').click();
    await expect.poll(() => page.url()).toContain('from=');
    const team = await openDeals();
    await page.getByTestId('scope-mine').click();
    await expect.poll(() => page.url()).toContain('mine=1');
    await expect.poll(openDeals).toBeLessThan(team);
    const mine = await openDeals();
    expect(mine).toBeGreaterThan(0);
    await page.getByTestId('scope-team').click();
    await page.getByTestId('owner-filter').selectOption(ME);
    await expect.poll(openDeals).toBe(mine);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.goto(ext.url('options.html#forecast?mine=1'));
    await page.getByTestId('forecast-table').waitFor();
    expect(await page.getByTestId('scope-mine').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('owner-scope').textContent()).toContain('My deals');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('reads the same in Bahasa Indonesia in all four views', async () => {
    await setSettings(page, { locale: 'id' });
    for (const view of ['board', 'contacts', 'forecast', 'analytics']) {
      await page.goto(ext.url(`options.html#${view}`));
      const control = page.getByTestId('owner-scope');
      await control.waitFor();
      expect(await control.textContent()).toContain('Deal saya');
      expect(await control.textContent()).toContain('Tim');
      expect(await page.getByTestId('owner-filter').locator('option').first().textContent()).toBe('Semua orang');
    }
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
