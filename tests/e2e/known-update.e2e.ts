// Known people updated field by field (issue #12.3), in real Chromium with the built extension: the popup offers
// what a page adds with a checkbox per field, hand-edited fields locked; only ticked fields are written, with a
// timeline sentence; "Save all" updates known people too. In English and Indonesian, axe-checked.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Extension, launchExtension, openPopupFor, ROOT, readStore, sendFrom, serve } from './harness';

interface ContactRow {
  id: string;
  name: string;
  jobTitle: string;
  company: string;
  emails: string[];
  phones: string[];
  urls: { linkedin?: string };
}
interface ActivityRow {
  contactId: string;
  type: string;
  payload: Record<string, unknown>;
}

const card = (name: string, title: string, org: string, emails: string[], tel = '') => `<div class="h-card">
<h2 class="p-name">${name}</h2><p><span class="p-job-title">${title}</span>, <span class="p-org">${org}</span></p>
${emails.map((e) => `<p><a class="u-email" href="mailto:${e}">${e}</a></p>`).join('')}
${tel ? `<p class="p-tel">${tel}</p>` : ''}</div>`;

const SARI_PAGE = `<!doctype html><html lang="en"><head><title>Sari</title></head><body>
${card('Sari Dewi', 'Head of Sales', 'PT Acme', ['sari.dewi@acme.test', 'sari@acme.co.id'], '+62 812 5550 1234')}</body></html>`;
const WULAN_PAGE = `<!doctype html><html lang="en"><head><title>Wulan</title></head><body>
${card('Wulan Sari', 'Procurement Lead', 'PT Kopi', ['wulan@kopi.test'])}</body></html>`;
const TEAM_PAGE = `<!doctype html><html lang="en"><head><title>Team</title></head><body><h1>Team</h1>
${card('Agus Wijaya', 'CEO', 'PT Laut', ['agus@laut.test'])}
${card('Maya Lestari', 'Direktur Keuangan', 'PT Laut', ['maya@laut.test', 'maya.l@laut.co.id'])}
${card('Rudi Hartono', 'Staf', 'PT Laut', ['rudi@laut.test'])}</body></html>`;

/** Every axe violation (any impact) inside `selector`: the new popup state must have none. */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis)))
    await page.evaluate(await readFile(resolve(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async (include) => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global script.
    const axe = (globalThis as any).axe;
    const r = await axe.run({ include: [include] }, { resultTypes: ['violations'] });
    return r.violations.map((v: { id: string; impact: string }) => `${v.id} (${v.impact})`);
  }, selector);
}

async function setLocale(page: Page, locale: string) {
  await page.evaluate(async (l) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings ?? {}), locale: l } });
  }, locale);
}

const contactNamed = async (admin: Page, name: string) =>
  (await readStore<ContactRow>(admin, 'contacts')).find((c) => c.name === name)!;

describe('known people updated field by field, in real Chromium', () => {
  let ext: Extension;
  let origin: string;
  let close: () => void;
  let admin: Page;

  beforeAll(async () => {
    const served = await serve(`${ROOT}/tests/fixtures`, {
      '/sari.html': SARI_PAGE,
      '/team.html': TEAM_PAGE,
      '/wulan.html': WULAN_PAGE,
    });
    origin = served.origin;
    close = () => served.server.close();
    ext = await launchExtension();
    admin = await ext.context.newPage();
    await admin.goto(ext.url('bench-empty.html'));
  });
  afterAll(async () => {
    await ext?.close();
    close?.();
  });

  it('offers each change with a checkbox, locks a hand edit, writes only what is ticked, and says so in the timeline', async () => {
    await sendFrom(admin, 'capture.save', {
      capture: {
        url: '',
        site: 'manual',
        candidates: [
          { name: 'Sari Dewi', jobTitle: 'Sales Manager', company: 'PT Acme', emails: ['sari.dewi@acme.test'] },
        ],
      },
    });
    const stored = await contactNamed(admin, 'Sari Dewi');
    // The rep corrected the company by hand: a page never overwrites it.
    await sendFrom(admin, 'contact.update', { contactId: stored.id, patch: { company: 'PT Acme Indonesia' } });

    const page = await ext.context.newPage();
    await page.goto(`${origin}/sari.html`);
    const popup = await openPopupFor(ext, page);
    await popup.bringToFront();
    const offer = popup.getByTestId('update-offer');
    await offer.waitFor();
    const rows = offer.getByTestId('update-change');
    expect(await rows.allTextContents()).toEqual([
      'Job title: Sales Manager → Head of Salesfrom a contact card on the page',
      'Company: PT Acme Indonesia → PT AcmeYou edited this by hand, so it is kept as you wrote it.',
      '+ email sari@acme.co.idfrom an email or phone link',
      '+ phone +6281255501234from a contact card on the page',
    ]);
    const tick = (field: string) => offer.locator(`[data-field="${field}"] input[type=checkbox]`);
    expect(await tick('jobTitle').isChecked()).toBe(true);
    expect(await tick('company').isChecked()).toBe(false);
    expect(await tick('company').isDisabled()).toBe(true);
    expect(await popup.getByRole('checkbox', { name: '+ phone +6281255501234' }).isChecked()).toBe(true);
    expect(await axeViolations(popup, '[data-testid="update-offer"]')).toEqual([]);

    // The rep keeps the phone out, and saves the rest.
    await tick('phones').uncheck();
    expect(await offer.getByTestId('apply-update').textContent()).toBe('Save ticked changes (2)');
    await offer.getByTestId('apply-update').click();
    await popup.getByTestId('update-applied').waitFor();
    expect(await popup.getByTestId('update-offer').count()).toBe(0);
    const after = await contactNamed(admin, 'Sari Dewi');
    expect(after.jobTitle).toBe('Head of Sales');
    expect(after.company).toBe('PT Acme Indonesia');
    expect(after.emails).toEqual(['sari.dewi@acme.test', 'sari@acme.co.id']);
    expect(after.phones).toEqual([]);
    // The popup's header shows the new title at once (a live read).
    await expect
      .poll(() => popup.locator('.contact-head .role').textContent())
      .toBe('Head of Sales · PT Acme Indonesia');
    await popup.close();

    // The contact's timeline says it in sentences.
    const options = await ext.context.newPage();
    await options.goto(ext.url(`options.html#contacts?id=${stored.id}`));
    await options.getByTestId('timeline').waitFor();
    const lines = await options.getByTestId('timeline-line').allTextContents();
    expect(lines).toContain('Job title changed from Sales Manager to Head of Sales from a contact card on the page');
    expect(lines).toContain('Email added: sari@acme.co.id from an email or phone link');

    // Reopened, only the phone left out is still offered.
    const again = await openPopupFor(ext, page);
    await again.getByTestId('update-offer').waitFor();
    expect(await again.getByTestId('update-change').allTextContents()).toEqual([
      'Company: PT Acme Indonesia → PT AcmeYou edited this by hand, so it is kept as you wrote it.',
      '+ phone +6281255501234from a contact card on the page',
    ]);
    await again.close();
    await options.close();
    await page.close();
  });

  it('"Save all" saves the new people and updates the known ones, in Indonesian', async () => {
    await sendFrom(admin, 'capture.save', {
      capture: {
        url: '',
        site: 'manual',
        candidates: [
          { name: 'Agus Wijaya', company: 'PT Laut', emails: ['agus@laut.test'] },
          { name: 'Maya Lestari', jobTitle: 'Manajer Keuangan', company: 'PT Laut', emails: ['maya@laut.test'] },
        ],
      },
    });
    await setLocale(admin, 'id');
    const page = await ext.context.newPage();
    await page.goto(`${origin}/team.html`);
    const popup = await openPopupFor(ext, page);
    await popup.bringToFront();
    // Agus (the CEO, known) is shown above with his update; Maya (known, new details) and Rudi (new) are listed.
    await popup.getByTestId('update-offer').waitFor();
    expect(await popup.locator('#update-title').textContent()).toBe('Baru di halaman ini');
    expect(await popup.getByTestId('update-change').allTextContents()).toEqual([
      'Jabatan: CEOdari kartu kontak di halaman',
    ]);
    const maya = popup.getByTestId('person-row').filter({ hasText: 'Maya Lestari' });
    await expect.poll(() => maya.textContent()).toContain('ada info baru');
    expect(
      await popup.getByRole('checkbox', { name: 'Sertakan info baru Maya Lestari saat Simpan semua' }).isChecked(),
    ).toBe(true);
    expect(await popup.getByTestId('save-all').textContent()).toBe('Simpan 1 baru, perbarui 1 yang dikenal');
    expect(await axeViolations(popup, 'main')).toEqual([]);

    await popup.getByTestId('save-all').click();
    await expect.poll(() => maya.textContent()).toContain('Diperbarui');
    await expect
      .poll(() => popup.getByTestId('person-row').filter({ hasText: 'Rudi Hartono' }).textContent())
      .toContain('Tersimpan');
    const stored = await contactNamed(admin, 'Maya Lestari');
    expect(stored.jobTitle).toBe('Direktur Keuangan');
    expect(stored.emails).toEqual(['maya@laut.test', 'maya.l@laut.co.id']);
    expect((await contactNamed(admin, 'Rudi Hartono')).jobTitle).toBe('Staf');
    // Agus was not ticked in the list (he is the person shown above): Save all left him as he was.
    expect((await contactNamed(admin, 'Agus Wijaya')).jobTitle).toBe('');
    const updated = (await readStore<ActivityRow>(admin, 'activities')).filter(
      (a) => a.contactId === stored.id && a.type === 'updated',
    );
    expect(updated.map((a) => a.payload.changes)).toEqual([
      [
        {
          field: 'jobTitle',
          from: 'Manajer Keuangan',
          to: 'Direktur Keuangan',
          source: 'h-card',
          detail: expect.any(String),
        },
      ],
    ]);
    await setLocale(admin, 'en');
    await popup.close();
    await page.close();
  });

  it('a name-and-company match is updated only after "Same person"', async () => {
    await sendFrom(admin, 'capture.save', {
      capture: { url: '', site: 'manual', candidates: [{ name: 'Wulan Sari', company: 'PT Kopi' }] },
    });
    const page = await ext.context.newPage();
    await page.goto(`${origin}/wulan.html`);
    const popup = await openPopupFor(ext, page);
    await popup.bringToFront();
    await popup.getByTestId('name-match').waitFor();
    // She may be someone else: nothing from the page is offered yet.
    expect(await popup.getByTestId('update-offer').count()).toBe(0);
    await popup.getByTestId('same-person').click();
    await popup.getByTestId('update-offer').waitFor();
    expect(await popup.getByTestId('update-change').allTextContents()).toEqual([
      'Job title: Procurement Leadfrom a contact card on the page',
      // Where the email was read depends on which of the page's readers found it first.
      expect.stringMatching(/^\+ email wulan@kopi\.testfrom /),
    ]);
    expect(await axeViolations(popup, 'main')).toEqual([]);
    await popup.getByTestId('apply-update').click();
    await popup.getByTestId('update-applied').waitFor();
    const wulan = await contactNamed(admin, 'Wulan Sari');
    expect([wulan.jobTitle, wulan.emails]).toEqual(['Procurement Lead', ['wulan@kopi.test']]);
    expect((await readStore<ContactRow>(admin, 'contacts')).filter((c) => c.name === 'Wulan Sari')).toHaveLength(1);
    await popup.close();
    await page.close();
  });
});
