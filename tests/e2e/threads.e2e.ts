// "Log this thread" (issue #12.4) in real Chromium: the built extension, its real IndexedDB, saved Gmail pages
// routed to mail.google.com by Playwright (nothing leaves the machine).
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Extension,
  launchExtension,
  openPopupFor,
  ROOT,
  readStore,
  sendFrom,
  seriousA11yViolations,
} from './harness';

type DealRow = { id: string; contactId: string; bant: Record<string, { level: number; confirmed: boolean }> };
type ActivityRow = { contactId: string; type: string; payload: Record<string, unknown> };

async function setSettings(page: Page, patch: Record<string, unknown>) {
  await page.evaluate(async (p) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings ?? {}), ...p } });
  }, patch);
}

describe('logging an email thread', () => {
  let ext: Extension;
  let admin: Page;

  beforeAll(async () => {
    ext = await launchExtension();
    admin = await ext.context.newPage();
    await admin.goto(ext.url('bench-empty.html'));
  });
  afterAll(async () => {
    await ext?.close();
  });

  /** A saved Gmail page served at the address it was saved from; every other request refused. */
  async function openMail(file: string): Promise<Page> {
    const html = await readFile(`${ROOT}/tests/fixtures/${file}`, 'utf8');
    const url = /saved from url=\(\d+\)(\S+?)\s*-->/.exec(html)![1]!;
    const page = await ext.context.newPage();
    await page.route('**/*', (route) =>
      route.request().isNavigationRequest() && route.request().url().startsWith(url.split('#')[0]!)
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
        : route.abort(),
    );
    await page.goto(url);
    return page;
  }

  /** A person stored with a deal, as a rep would have after capturing them. */
  async function store(name: string, email: string, company: string): Promise<{ contactId: string; dealId: string }> {
    const reply = await sendFrom<{ ok: boolean; data: { saved: { contactId: string; dealId: string }[] } }>(
      admin,
      'capture.save',
      { capture: { url: '', site: 'manual', candidates: [{ name, emails: [email], company }] }, startDeal: true },
    );
    expect(reply.ok).toBe(true);
    return reply.data.saved[0]!;
  }

  async function popupFor(page: Page): Promise<Page> {
    const popup = await openPopupFor(ext, page);
    await popup.bringToFront();
    await popup.getByTestId('popup-ready').waitFor();
    return popup;
  }

  it('logs a Gmail thread on the known participant, once, and suggests Budget from "I\'m the budget owner…"', async () => {
    const tom = await store('Tom Becker', 'tom.becker@orbital-freight.example', 'Orbital Freight');
    const mail = await openMail('gmail/reply-chain.html');
    const popup = await popupFor(mail);

    await popup.getByTestId('log-thread-button').click();
    await expect.poll(() => popup.getByTestId('thread-logged').textContent()).toBe('Logged on 1 contact: Tom Becker.');
    // The others in the thread are offered to add; the rep (the signed-in account) is not among them.
    const unknown = await popup.getByTestId('thread-unknown').textContent();
    expect(unknown).toContain('Priya Natarajan');
    expect(unknown).not.toContain('Rizal');
    expect(await seriousA11yViolations(popup)).toEqual([]);

    const logged = (await readStore<ActivityRow>(admin, 'activities')).filter((a) => a.type === 'email-logged');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      contactId: tom.contactId,
      payload: { subject: 'Re: Pilot proposal for Q3', url: mail.url() },
    });

    // The popup's BANT panel: Budget suggested, quoting the sentence, confirmed with one click.
    const budget = popup.getByTestId('bant-part-budget');
    await expect
      .poll(() => budget.textContent())
      .toContain("From a logged email: “I'm the budget owner for this project.”");
    await popup.getByTestId('bant-confirm-budget').click();
    await expect
      .poll(async () => (await readStore<DealRow>(admin, 'deals')).find((d) => d.id === tom.dealId)?.bant.budget)
      .toEqual(expect.objectContaining({ level: 2, confirmed: true }));

    // "Add Priya Natarajan": her review form, the capture's own way to save someone.
    await popup.getByTestId('thread-add').filter({ hasText: 'Priya Natarajan' }).click();
    await expect.poll(() => popup.getByTestId('candidate-name').textContent()).toBe('Priya Natarajan');
    await popup.getByTestId('save-candidate').click();
    await expect
      .poll(async () => (await readStore<{ name: string }>(admin, 'contacts')).map((c) => c.name))
      .toContain('Priya Natarajan');
    // Logged again, the thread goes on her timeline too; Tom's gets nothing twice.
    await popup.getByTestId('log-thread-button').click();
    await expect
      .poll(() => popup.getByTestId('thread-logged').textContent())
      .toBe('Logged on 1 contact: Priya Natarajan.');
    expect(await popup.getByTestId('thread-already').textContent()).toContain('Tom Becker');
    expect((await readStore<ActivityRow>(admin, 'activities')).filter((a) => a.type === 'email-logged')).toHaveLength(
      2,
    );
    await popup.getByTestId('log-thread-close').click();

    await popup.close();

    // The contact's page: the email in the timeline as a sentence with its link back, and Authority suggested
    // from the same quote, confirmed with one click.
    const options = await ext.context.newPage();
    await options.goto(ext.url(`options.html#contacts?id=${tom.contactId}`));
    const item = options.getByTestId('timeline-item').filter({ hasText: 'Pilot proposal' });
    await expect.poll(() => item.textContent()).toMatch(/Email “Re: Pilot proposal for Q3” of .*2025.*Tom Becker/);
    expect(await item.textContent()).toContain("Tom Becker: Hi Rizal, I'm the budget owner for this project.");
    expect(await item.getByTestId('open-thread').getAttribute('href')).toBe(mail.url());
    await expect
      .poll(() => options.getByTestId('bant-reason-authority').textContent())
      .toBe("From a logged email: “I'm the budget owner for this project.”");
    await options.getByTestId('bant-confirm-authority').click();
    await expect
      .poll(async () => (await readStore<DealRow>(admin, 'deals')).find((d) => d.id === tom.dealId)?.bant.authority)
      .toEqual(expect.objectContaining({ level: 3, confirmed: true }));
    expect(await seriousA11yViolations(options)).toEqual([]);
    await options.close();
    await mail.close();
  });

  it('in Indonesian: says who it was logged on, and suggests from "Saya yang memutuskan…"', async () => {
    await setSettings(admin, { locale: 'id' });
    const budi = await store('Budi Santoso', 'budi.santoso@nusantara-logistik.example', 'PT Nusantara Logistik');
    const mail = await openMail('threads/gmail-id-anggaran.html');
    const popup = await popupFor(mail);
    expect(await popup.getByTestId('log-thread-button').textContent()).toBe('Catat utas ini');
    await popup.getByTestId('log-thread-button').click();
    await expect
      .poll(() => popup.getByTestId('thread-logged').textContent())
      .toBe('Dicatat pada 1 kontak: Budi Santoso.');
    expect(await popup.getByTestId('thread-unknown').textContent()).toContain('Sari Wijaya');
    expect(await seriousA11yViolations(popup)).toEqual([]);
    await expect
      .poll(() => popup.getByTestId('bant-part-authority').textContent())
      .toContain('Dari email yang dicatat: “Saya yang memutuskan untuk proyek ini');
    // The rep's own quoted offer (Rp 300 juta) is not the prospect's word: Budget quotes Budi's sentence.
    expect(await popup.getByTestId('bant-part-budget').textContent()).toContain('Rp 250 juta sudah disetujui');
    await popup.close();

    const options = await ext.context.newPage();
    await options.goto(ext.url(`options.html#contacts?id=${budi.contactId}`));
    const item = options.getByTestId('timeline-item').filter({ hasText: 'Penawaran sistem gudang' });
    await expect.poll(() => item.textContent()).toMatch(/Email “Re: Penawaran sistem gudang” tanggal .*Budi Santoso/);
    expect(await item.getByTestId('open-thread').textContent()).toBe('Buka utas');
    await options.close();
    await mail.close();
    await setSettings(admin, { locale: 'en' });
  });

  it('on a mail page with no open thread, says so; off mail pages there is no such action', async () => {
    const inbox = await openMail('gmail/inbox-list.html');
    const popup = await popupFor(inbox);
    await popup.getByTestId('log-thread-button').click();
    await expect
      .poll(() => popup.getByTestId('log-thread-result').textContent())
      .toBe('No email thread is open on this page. Open a conversation, then log it.');
    await popup.close();
    await inbox.close();
    const other = await ext.context.newPage();
    await other.setContent('<h1>Not mail</h1>');
    const off = await openPopupFor(ext, other);
    await off.getByTestId('open-pipeline').waitFor();
    expect(await off.getByTestId('log-thread-button').count()).toBe(0);
    await off.close();
    await other.close();
  });
});
