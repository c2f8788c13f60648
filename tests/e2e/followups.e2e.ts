// Follow-ups in real Chromium: the list of due and overdue follow-ups; a reminder alarm that fires, shows a
// notification and, clicked, opens the contact; reminders that survive a stopped service worker and a browser
// restart. Headless Chromium cannot click a system notification: the test fires the browser's own
// notifications.onClicked event from the service worker (chrome.notifications.onClicked.dispatch), which runs
// the extension's real listener, the same one a click runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumPath,
  EXTENSION_DIR,
  type Extension,
  launchExtension,
  readStore,
  sendFrom,
  seriousA11yViolations,
} from './harness';

const DAY = 86_400_000;
type Saved = { ok: true; data: { saved: { contactId: string; dealId: string }[] } };

async function capture(page: Page, name: string, email: string) {
  const r = await sendFrom<Saved>(page, 'capture.save', {
    capture: { url: 'https://acme.test/team', site: 'web', candidates: [{ name, emails: [email], company: 'Acme' }] },
  });
  return r.data.saved[0]!;
}
async function followUp(page: Page, dealId: string, at: number, note = '') {
  expect(await sendFrom(page, 'deal.update', { dealId, patch: { followUpAt: at, followUpNote: note } })).toMatchObject({
    ok: true,
  });
}
async function notifications(worker: Worker): Promise<string[]> {
  return Object.keys(await worker.evaluate(() => chrome.notifications.getAll()));
}

describe('follow-ups and reminders', () => {
  let ext: Extension;
  let page: Page;

  beforeAll(async () => {
    ext = await launchExtension();
    page = await ext.context.newPage();
    await page.goto(ext.url('options.html#followups'));
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('lists overdue and due-today follow-ups with the contact’s name; Done clears one', async () => {
    const late = await capture(page, 'Budi Santoso', 'budi@acme.test');
    const today = await capture(page, 'Siti Rahma', 'siti@acme.test');
    const later = await capture(page, 'Agus Wijaya', 'agus@acme.test');
    const startOfToday = await page.evaluate(() => new Date().setHours(0, 0, 0, 0));
    await followUp(page, late.dealId, startOfToday - 2 * DAY, 'Send the proposal');
    await followUp(page, today.dealId, startOfToday + 1000, 'Call back');
    await followUp(page, later.dealId, startOfToday + 5 * DAY);
    const items = page.getByTestId('followup-item');
    await expect.poll(() => items.count()).toBe(2);
    expect(await page.getByTestId('followups-overdue').textContent()).toContain('Budi Santoso');
    expect(await page.getByTestId('followups-overdue').textContent()).toContain('Send the proposal');
    expect(await page.getByTestId('followups-today').textContent()).toContain('Siti Rahma');
    expect((await items.allTextContents()).join()).not.toContain('Agus Wijaya');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await seriousA11yViolations(page), scheme).toEqual([]);
    }
    await page.getByTestId('followups-overdue').getByTestId('followup-done').click();
    await expect.poll(() => items.count()).toBe(1);
    const deal = (await readStore<{ id: string; followUpAt: number | null }>(page, 'deals')).find(
      (d) => d.id === late.dealId,
    );
    expect(deal?.followUpAt).toBeNull();
  });

  it('fires a reminder when a follow-up falls due; clicking it opens the contact', async () => {
    const who = await capture(page, 'Dewi Lestari', 'dewi@nusantara.test');
    const due = Date.now() + 2500;
    await followUp(page, who.dealId, due, 'Ask about the budget');
    const alarm = await ext.worker.evaluate(() => chrome.alarms.get('followup-reminders'));
    expect(alarm?.scheduledTime).toBe(due);
    const id = `followup:${who.contactId}:${who.dealId}`;
    await expect.poll(() => notifications(ext.worker), { timeout: 20_000, interval: 250 }).toContain(id);

    const opened = ext.context.waitForEvent('page');
    await ext.worker.evaluate((nid) => {
      // Chromium's extension events can be fired by the extension itself (not in the published typings).
      (chrome.notifications.onClicked as unknown as { dispatch(id: string): void }).dispatch(nid);
    }, id);
    const contactPage = await opened;
    expect(contactPage.url()).toBe(ext.url(`options.html#contacts?id=${who.contactId}`));
    await expect.poll(() => contactPage.getByTestId('contact-name').textContent()).toBe('Dewi Lestari');
    expect(await notifications(ext.worker)).not.toContain(id);
    await contactPage.close();
  });

  it('still fires after the service worker was stopped', async () => {
    const who = await capture(page, 'Rizky Novak', 'rizky@acme.test');
    await followUp(page, who.dealId, Date.now() + 4000);
    // Stop the worker, as the browser does when it is idle, from chrome://serviceworker-internals.
    const internals = await ext.context.newPage();
    await internals.goto('chrome://serviceworker-internals/');
    const status = async () =>
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text puts "Running Status:" and its value side by side; textContent does not. A test page, not a product path.
      (await internals.locator('body').innerText()).match(/Running Status: (\w+)/)?.[1];
    await expect.poll(status).toBe('RUNNING');
    await internals.getByText('Stop', { exact: true }).first().click();
    await expect.poll(status).toBe('STOPPED');
    // Nothing wakes it but the alarm: a new worker registers its listeners again and shows the reminder.
    const id = `followup:${who.contactId}:${who.dealId}`;
    const shown = () => page.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
    await expect.poll(shown, { timeout: 20_000, interval: 250 }).toContain(id);
    await expect.poll(status).toBe('RUNNING');
    await internals.close();
  });
});

describe('reminders across a browser restart', () => {
  let profile: string;
  let context: BrowserContext | undefined;

  const launch = async () => {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      args: [
        '--headless=new',
        `--disable-extensions-except=${EXTENSION_DIR}`,
        `--load-extension=${EXTENSION_DIR}`,
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    return { context, worker, id: worker.url().split('/')[2]! };
  };

  beforeAll(() => {
    profile = mkdtempSync(join(tmpdir(), 'prospector-restart-'));
  });
  afterAll(async () => {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('notifies, after the restart, a follow-up that fell due while the browser was closed', async () => {
    const first = await launch();
    const page = await first.context.newPage();
    await page.goto(`chrome-extension://${first.id}/options.html#followups`);
    const who = await capture(page, 'Mei Okafor', 'mei@acme.test');
    await followUp(page, who.dealId, Date.now() + 1500);
    await first.context.close();
    await new Promise((ok) => setTimeout(ok, 2500));

    const second = await launch();
    const id = `followup:${who.contactId}:${who.dealId}`;
    await expect.poll(() => notifications(second.worker), { timeout: 20_000, interval: 250 }).toContain(id);
  });
});
