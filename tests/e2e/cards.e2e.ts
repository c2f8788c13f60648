// Cards and columns in real Chromium (issue #12.6–7): the follow-up's full date in English and Indonesian,
// overdue in red and in words, stale past the stage's limit set in Settings, the "…" menu by keyboard, a cue
// for columns off screen, whole amounts without cents, BANT suggested on capture with its confirmed parts, and
// axe on the board with the menu open.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Extension, launchExtension, readStore, sendFrom, seriousA11yViolations } from './harness';

const DAY = 86_400_000;
interface DealRow {
  id: string;
  contactId: string;
  stageId: string;
  stageEntries: { stageId: string; at: number }[];
  bant: Record<string, { level: number; confirmed: boolean }>;
  outcome: string | null;
  deletedAt: number | null;
}
interface Saved {
  saved: { contactId: string; dealId: string | null }[];
}

async function setLocale(page: Page, locale: 'en' | 'id') {
  await page.evaluate(async (l) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings ?? {}), locale: l } });
  }, locale);
}
async function capture(page: Page, name: string, jobTitle: string, email: string): Promise<string> {
  const reply = await sendFrom<{ ok: boolean; data: Saved }>(page, 'capture.save', {
    startDeal: true,
    capture: {
      url: 'http://127.0.0.1/team',
      title: 'Team',
      site: 'web',
      candidates: [{ name, jobTitle, company: 'Kopi Nusantara', emails: [email], provenance: {} }],
    },
  });
  expect(reply).toMatchObject({ ok: true });
  return reply.data.saved[0]!.dealId!;
}
const card = (page: Page, dealId: string) => page.locator(`[data-deal-id="${dealId}"]`);
/** True when nothing on the card is cut short: every line's whole text fits, and the card holds every line. */
function fitsWhole(page: Page, dealId: string): Promise<boolean> {
  return card(page, dealId).evaluate((el) => {
    const lines = [...el.querySelectorAll<HTMLElement>('.card-meta, .card-followup, .card-amount')];
    const fits = (e: HTMLElement) => e.scrollWidth <= e.clientWidth + 1 && e.scrollHeight <= e.clientHeight + 1;
    return lines.length === 4 && lines.every(fits) && fits(el as HTMLElement);
  });
}
/** Shows a deal's card: the board sorted by name and searched for the person. */
async function showCard(page: Page, search: string) {
  await page.goto(page.url().replace(/#.*$/, `#board?q=${encodeURIComponent(search)}`));
  await page.getByTestId('board-ready').waitFor();
}

describe('cards and columns', () => {
  let ext: Extension;
  let page: Page;
  const ids = { ana: '', budi: '' };
  let staleOne = { dealId: '', name: '', days: 0 };

  beforeAll(async () => {
    ext = await launchExtension();
    page = await ext.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(ext.url('options.html#board'));
    expect(await sendFrom(page, 'demo.load', { contacts: 60 })).toMatchObject({ ok: true });
    ids.ana = await capture(page, 'Ana Wijaya', 'VP Sales', 'ana@kopi.test');
    ids.budi = await capture(page, 'Budi Hartono', 'Vice President of Sales', 'budi@kopi.test');
    const now = Date.now();
    expect(
      await sendFrom(page, 'deal.update', {
        dealId: ids.ana,
        patch: { amount: 4_800_000, followUpAt: now - 3 * DAY },
      }),
    ).toMatchObject({ ok: true });
    expect(
      await sendFrom(page, 'deal.update', {
        dealId: ids.budi,
        patch: { amount: 1_250_050, followUpAt: now + 9 * DAY },
      }),
    ).toMatchObject({ ok: true });
    await page.reload();
    await page.getByTestId('board-ready').waitFor();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('scores two similar people alike on capture alone, the card saying how many parts are confirmed', async () => {
    // No popup opened either deal: the write path suggested Authority from the titles.
    const deals = await readStore<DealRow>(page, 'deals');
    const ana = deals.find((d) => d.id === ids.ana)!;
    const budi = deals.find((d) => d.id === ids.budi)!;
    expect(ana.bant.authority!.level).toBe(3);
    expect(budi.bant).toEqual(ana.bant);
    await showCard(page, 'Kopi');
    const a = await card(page, ids.ana).getByTestId('card-bant').textContent();
    expect(a).toMatch(/^BANT \d+ · 0 of 4 confirmed$/);
    expect(await card(page, ids.budi).getByTestId('card-bant').textContent()).toBe(a);
    // A part the rep confirms is counted.
    await sendFrom(page, 'deal.update', {
      dealId: ids.ana,
      patch: { bant: { authority: { level: 3, note: '', confirmed: true } } },
    });
    await expect.poll(() => card(page, ids.ana).getByTestId('card-bant').textContent()).toMatch(/1 of 4 confirmed$/);
  });

  it('shows the follow-up’s full date, overdue in red and in words; whole amounts without cents', async () => {
    await showCard(page, 'Kopi');
    const overdue = card(page, ids.ana).getByTestId('followup-overdue');
    const year = String(new Date(Date.now() - 3 * DAY).getFullYear());
    expect(await overdue.textContent()).toMatch(new RegExp(`^Overdue since \\w{3}, \\w{3} \\d{1,2}, ${year}$`));
    const red = await overdue.evaluate((el) => getComputedStyle(el).color);
    const danger = await page.evaluate(() => {
      const probe = document.createElement('span');
      probe.style.color = 'var(--danger)';
      document.body.append(probe);
      const c = getComputedStyle(probe).color;
      probe.remove();
      return c;
    });
    expect(red).toBe(danger);
    // Not cut short: the whole text fits the card.
    expect(await fitsWhole(page, ids.ana)).toBe(true);
    expect(await fitsWhole(page, ids.budi)).toBe(true);
    expect(await card(page, ids.budi).getByTestId('followup').textContent()).toMatch(/^Follow up on \w{3}, \w{3} \d/);
    expect(await card(page, ids.ana).textContent()).toContain('$48,000');
    expect(await card(page, ids.ana).textContent()).not.toContain('$48,000.00');
    expect(await card(page, ids.budi).textContent()).toContain('$12,500.50');
  });

  it('marks deals stale past the limit set for their stage in Settings', async () => {
    const deals = await readStore<DealRow>(page, 'deals');
    const old = deals.find(
      (d) =>
        d.stageId === 'qualification' &&
        d.deletedAt === null &&
        d.outcome === null &&
        Date.now() - d.stageEntries.at(-1)!.at > 3 * DAY,
    )!;
    expect(old).toBeDefined();
    const days = Math.floor((Date.now() - old.stageEntries.at(-1)!.at) / DAY);
    await page.goto(ext.url('options.html#settings'));
    const row = page.getByTestId('stage-row-qualification');
    const limit = row.getByTestId('stage-stale-days');
    expect(await limit.inputValue()).toBe('21');
    await limit.fill('2');
    await page.getByTestId('save-stages').click();
    await expect
      .poll(
        async () =>
          (await readStore<{ id: string; staleAfterDays?: number }>(page, 'stages')).find(
            (s) => s.id === 'qualification',
          )?.staleAfterDays,
      )
      .toBe(2);
    const contacts = await readStore<{ id: string; name: string }>(page, 'contacts');
    await showCard(page, contacts.find((c) => c.id === old.contactId)!.name);
    const stale = card(page, old.id).getByTestId('card-stale');
    expect(await stale.textContent()).toBe(`Stale: ${days.toLocaleString('en-US')} days in stage`);
    expect(await card(page, old.id).getAttribute('class')).toContain('stale');
    expect(await fitsWhole(page, old.id)).toBe(true);
    staleOne = { dealId: old.id, name: contacts.find((c) => c.id === old.contactId)!.name, days };
  });

  it('moves a deal with its "…" menu by keyboard, focus coming back to the button', async () => {
    await showCard(page, 'Budi');
    const button = card(page, ids.budi).getByTestId('card-menu');
    await button.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByTestId('card-menu-list');
    await menu.waitFor();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('card-menu');

    await page.keyboard.press('ArrowDown');
    await menu.waitFor();
    // Open contact, then the stages in order: Prospecting (current), Initial contact, Qualification.
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'move-to-qualification',
    );
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await readStore<DealRow>(page, 'deals')).find((d) => d.id === ids.budi)?.stageId)
      .toBe('qualification');
    const moves = (await readStore<{ dealId: string; type: string }>(page, 'activities')).filter(
      (a) => a.dealId === ids.budi && a.type === 'stage-changed',
    );
    expect(moves).toHaveLength(1);
  });

  it('cues the columns off screen and brings the next one in', async () => {
    await page.goto(ext.url('options.html#board'));
    await page.getByTestId('board-ready').waitFor();
    const right = page.getByTestId('columns-right');
    await right.waitFor();
    expect(await right.textContent()).toMatch(/^\d+ more columns? →$/);
    expect(await page.getByTestId('columns-left').count()).toBe(0);
    await right.click();
    await page.getByTestId('columns-left').waitFor();
    expect(await page.locator('.board').evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('reads the same in Bahasa Indonesia: the date in full, overdue, stale and the column cue', async () => {
    await setLocale(page, 'id');
    await showCard(page, 'Kopi');
    const overdue = await card(page, ids.ana).getByTestId('followup-overdue').textContent();
    const year = String(new Date(Date.now() - 3 * DAY).getFullYear());
    expect(overdue).toMatch(new RegExp(`^Terlambat sejak \\w{3}, \\d{1,2} \\w{3} ${year}$`));
    expect(await card(page, ids.ana).textContent()).toContain('1 dari 4 dipastikan');
    // The deal's own currency (US dollars), written the Indonesian way, still without cents.
    expect(await card(page, ids.ana).textContent()).toMatch(/48\.000/);
    expect(await card(page, ids.ana).textContent()).not.toMatch(/48\.000,00/);
    expect(await page.getByTestId('columns-right').textContent()).toMatch(/^\d+ kolom lagi →$/);
    expect(await fitsWhole(page, ids.ana)).toBe(true);
    expect(await fitsWhole(page, ids.budi)).toBe(true);
    await showCard(page, staleOne.name);
    expect(await card(page, staleOne.dealId).getByTestId('card-stale').textContent()).toBe(
      `Macet: ${staleOne.days.toLocaleString('id-ID')} hari di tahap ini`,
    );
    expect(await fitsWhole(page, staleOne.dealId)).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await setLocale(page, 'en');
  });
});
