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
  stopWorker,
} from './harness';

const DAY = 86_400_000;
type Saved = { ok: true; data: { saved: { contactId: string; dealId: string }[] } };

async function capture(page: Page, name: string, email: string) {
  const r = await sendFrom<Saved>(page, 'capture.save', {
    capture: { url: 'https://acme.test/team', site: 'web', candidates: [{ name, emails: [email], company: 'Acme' }] },
    startDeal: true,
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
/** A follow-up's reminder is named after its contact and task: the one (deal follow-up = task) of this contact. */
async function reminderOf(worker: Worker, contactId: string): Promise<string | undefined> {
  return (await notifications(worker)).find((n) => n.startsWith(`followup:${contactId}:`));
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

  it('lists follow-ups by when they are due with the contact’s name; Done clears one', async () => {
    const late = await capture(page, 'Budi Santoso', 'budi@acme.test');
    const today = await capture(page, 'Siti Rahma', 'siti@acme.test');
    const later = await capture(page, 'Agus Wijaya', 'agus@acme.test');
    const startOfToday = await page.evaluate(() => new Date().setHours(0, 0, 0, 0));
    await followUp(page, late.dealId, startOfToday - 2 * DAY, 'Send the proposal');
    await followUp(page, today.dealId, startOfToday + 1000, 'Call back');
    await followUp(page, later.dealId, startOfToday + 5 * DAY);
    const items = page.getByTestId('followup-item');
    await expect.poll(() => items.count()).toBe(3);
    expect(await page.getByTestId('followups-overdue').textContent()).toContain('Budi Santoso');
    expect(await page.getByTestId('followups-overdue').textContent()).toContain('Send the proposal');
    expect(await page.getByTestId('followups-today').textContent()).toContain('Siti Rahma');
    // Five days ahead is planned, not due: listed under later this week or later, never under today.
    const ahead = page.locator('[data-testid="followups-week"], [data-testid="followups-later"]');
    expect(await ahead.textContent()).toContain('Agus Wijaya');
    expect(await page.getByTestId('followups-today').textContent()).not.toContain('Agus Wijaya');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await seriousA11yViolations(page), scheme).toEqual([]);
    }
    await page.getByTestId('followups-overdue').getByTestId('followup-done').click();
    await expect.poll(() => items.count()).toBe(2);
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
    await expect.poll(() => reminderOf(ext.worker, who.contactId), { timeout: 20_000, interval: 250 }).toBeTruthy();
    const id = (await reminderOf(ext.worker, who.contactId))!;

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
    const { status, internals } = await stopWorker(ext);
    // Nothing wakes it but the alarm: a new worker registers its listeners again and shows the reminder.
    const shown = async () =>
      (await page.evaluate(async () => Object.keys(await chrome.notifications.getAll()))).some((n) =>
        n.startsWith(`followup:${who.contactId}:`),
      );
    await expect.poll(shown, { timeout: 20_000, interval: 250 }).toBe(true);
    await expect.poll(status).toBe('RUNNING');
    await internals.close();
  });
});

describe('follow-ups as tasks', () => {
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

  it('plans several typed follow-ups on a contact, snoozes one, and opens an email draft from a template', async () => {
    const who = await capture(page, 'Sari Dewi', 'sari@majujaya.test');
    const detail = await ext.context.newPage();
    await detail.goto(ext.url(`options.html#contacts?id=${who.contactId}`));
    const form = detail.getByTestId('task-form');
    const when = (days: number, hh: string) =>
      detail.evaluate(
        ([d, h]) => {
          const x = new Date(Date.now() + Number(d) * 86_400_000);
          const p = (n: number) => String(n).padStart(2, '0');
          return `${x.getFullYear()}-${p(x.getMonth() + 1)}-${p(x.getDate())}T${h}`;
        },
        [days, hh] as const,
      );
    await form.getByTestId('task-form-type').selectOption('email');
    await form.getByTestId('task-form-title').fill('Send the proposal');
    await form.getByTestId('task-form-when').fill(await when(-1, '09:00'));
    await form.getByTestId('task-form-add').click();
    await form.getByTestId('task-form-type').selectOption('call');
    await form.getByTestId('task-form-title').fill('Check the budget');
    await form.getByTestId('task-form-when').fill(await when(0, '23:58'));
    await form.getByTestId('task-form-add').click();
    const rows = detail.getByTestId('contact-tasks').getByTestId('followup-item');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().getByTestId('task-type').textContent()).toBe('Email');
    for (const scheme of ['light', 'dark'] as const) {
      await detail.emulateMedia({ colorScheme: scheme });
      expect(await seriousA11yViolations(detail), scheme).toEqual([]);
    }
    // The draft: the built-in template filled for Sari, in the rep's mail app, nothing sent.
    const href = await rows.first().getByTestId('task-write-email').getAttribute('href');
    expect(href).toMatch(/^mailto:sari@majujaya\.test\?subject=Following%20up&body=Hi%20Sari%2C/);
    // Both are on the follow-up list, the email overdue, the call today; the deal shows its next one.
    await page.reload();
    await expect.poll(() => page.getByTestId('followups-overdue').textContent()).toContain('Send the proposal');
    expect(await page.getByTestId('followups-today').textContent()).toContain('Check the budget');
    // Snoozed to tomorrow, the call moves to Tomorrow.
    await page.getByTestId('followups-today').getByTestId('task-tomorrow').click();
    await expect.poll(() => page.getByTestId('followups-tomorrow').textContent()).toContain('Check the budget');
    const tasks = await readStore<{ title: string; openDue: number | null; dealId: string | null }>(page, 'tasks');
    expect(
      tasks
        .filter((t) => t.openDue !== null)
        .map((t) => t.title)
        .sort(),
    ).toEqual(['Check the budget', 'Send the proposal']);
    const deal = (await readStore<{ id: string; followUpNote: string }>(page, 'deals')).find(
      (d) => d.id === who.dealId,
    );
    expect(deal?.followUpNote).toBe('Send the proposal');
    await detail.close();
  });

  it('says it in Bahasa Indonesia, and a template from Settings fills the draft', async () => {
    const who = await capture(page, 'Budi Hartono', 'budi@sinar.test');
    expect(
      await sendFrom(page, 'task.add', {
        task: { contactId: who.contactId, type: 'email', title: 'Kirim penawaran', dueAt: Date.now() - 2 * DAY },
      }),
    ).toMatchObject({ ok: true });
    const settings = await ext.context.newPage();
    await settings.goto(ext.url('options.html#settings'));
    await settings.getByTestId('settings-locale').selectOption('id');
    await settings.getByTestId('settings-compose-with').selectOption('gmail');
    await settings.getByTestId('template-add').click();
    const tpl = settings.getByTestId('email-template').first();
    await tpl.getByTestId('template-subject').fill('Untuk {company}');
    await tpl.getByTestId('template-body').fill('Halo {firstName}, salam dari {myName}.');
    await tpl.getByTestId('template-save').click();
    await settings.close();
    await page.reload();
    await expect.poll(() => page.locator('#fu-overdue-title').textContent()).toMatch(/^Terlambat \(\d+\)$/);
    const row = page.getByTestId('followups-overdue').getByTestId('followup-item').filter({ hasText: 'Budi Hartono' });
    expect(await row.getByTestId('task-type').textContent()).toBe('Email');
    expect(await row.getByTestId('task-write-email').textContent()).toBe('Tulis email');
    const href = (await row.getByTestId('task-write-email').getAttribute('href'))!;
    expect(href.startsWith('https://mail.google.com/mail/?view=cm&fs=1&to=budi%40sinar.test&su=Untuk%20')).toBe(true);
    expect(decodeURIComponent(href.split('&body=')[1]!)).toBe('Halo Budi, salam dari .');
    expect(await row.getByTestId('task-write-email').getAttribute('target')).toBe('_blank');
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
    await expect.poll(() => reminderOf(second.worker, who.contactId), { timeout: 20_000, interval: 250 }).toBeTruthy();
  });
});
