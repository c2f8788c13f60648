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
  serve,
} from './harness';

interface ContactRow {
  id: string;
  name: string;
  emails: string[];
  jobTitle: string;
  company: string;
  editedFields: string[];
}
interface DealRow {
  id: string;
  contactId: string;
  stageId: string;
}

/** The popup for the tab showing `page`, in front as a real popup is. */
async function popupFor(ext: Extension, page: Page): Promise<Page> {
  const popup = await openPopupFor(ext, page);
  await popup.bringToFront();
  return popup;
}

/** Sets the stored settings as the settings page would (merged with what is stored). */
async function setSettings(page: Page, patch: Record<string, unknown>) {
  await page.evaluate(async (p) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings ?? {}), ...p } });
  }, patch);
}

const EMPTY_PAGE = `<!doctype html><html lang="en"><head><title>Notes</title></head><body>
<p id="sig">Ayu Pratiwi<br>Head of Sales<br>PT Maju Jaya<br>ayu.pratiwi@maju-jaya.test</p>
<p>Nothing else here.</p></body></html>`;

const card = (name: string, email: string) => `<div class="h-card"><h2 class="p-name">${name}</h2>
<p><span class="p-job-title">Manager</span>, <span class="p-org">PT Kopi Nusantara</span></p>
${email ? `<p><a class="u-email" href="mailto:${email}">${email}</a></p>` : ''}</div>`;
const TEAM_PAGE = `<!doctype html><html lang="en"><head><title>Team</title></head><body><h1>Our team</h1>
${card('Rina Kusuma', '')}${card('Wulan Sari', 'wulan@kopi-nusantara.test')}${card('Joko Susilo', 'joko@kopi-nusantara.test')}
${card('Dimas Arya', 'dimas@kopi-nusantara.test')}</body></html>`;

describe('leads before deals, and adding people by hand, in real Chromium', () => {
  let ext: Extension;
  let origin: string;
  let close: () => void;
  let admin: Page;

  beforeAll(async () => {
    const served = await serve(`${ROOT}/tests/fixtures`, { '/notes.html': EMPTY_PAGE, '/team.html': TEAM_PAGE });
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

  it('a capture saves a lead; "Start deal" in the contacts bulk bar and the "Leads without a deal" filter', async () => {
    // A new install stores "a capture saves a lead" (lib/settings/deal-on-capture.ts).
    await expect
      .poll(() =>
        admin.evaluate(
          async () =>
            ((await chrome.storage.local.get('settings')).settings as { dealOnCapture?: boolean })?.dealOnCapture,
        ),
      )
      .toBe(false);
    const page = await ext.context.newPage();
    await page.goto(`${origin}/popup/unknown-team.html`);
    const popup = await popupFor(ext, page);
    await expect.poll(() => popup.getByTestId('candidate-name').allTextContents()).toEqual(['Rina Kusuma']);
    expect(await popup.getByTestId('save-candidate').textContent()).toBe('Save contact');
    expect(await popup.getByTestId('save-and-start-deal').textContent()).toBe('Save and start deal');
    await popup.getByTestId('save-candidate').click();
    await expect.poll(() => popup.getByTestId('lead-no-deal').textContent()).toContain('A lead');
    expect(await popup.getByTestId('new-deal').textContent()).toBe('Start deal');
    expect(await seriousA11yViolations(popup)).toEqual([]);
    // Tomás too, from the list, as a lead.
    await popup.getByTestId('person-row').filter({ hasText: 'Tomás García' }).click();
    await popup.getByTestId('save-candidate').click();
    await expect.poll(async () => (await readStore<ContactRow>(admin, 'contacts')).length).toBe(2);
    expect(await readStore(admin, 'deals')).toEqual([]);
    await popup.close();

    // The board counts deals: none yet.
    const options = await ext.context.newPage();
    await options.goto(ext.url('options.html#board'));
    await options.getByTestId('board-ready').waitFor();
    expect(await options.getByTestId('deal-card').count()).toBe(0);

    await options.goto(ext.url('options.html#contacts?show=leads'));
    await expect.poll(() => options.getByTestId('contact-row').count()).toBe(2);
    expect(await options.getByTestId('contacts-show').inputValue()).toBe('leads');
    const rina = options.getByTestId('contact-row').filter({ hasText: 'Rina Kusuma' });
    await rina.getByRole('checkbox').check();
    await options.getByTestId('bulk-start-deal').click();
    await expect.poll(() => options.getByTestId('bulk-bar').textContent()).toContain('Deals started: 1');
    // Rina has a deal now: the lead filter lists only Tomás.
    await expect
      .poll(() => options.getByTestId('contact-row').allTextContents())
      .toEqual([expect.stringContaining('Tomás García')]);
    const deals = await readStore<DealRow>(admin, 'deals');
    expect(deals).toHaveLength(1);
    expect(deals[0]!.stageId).toBe('prospecting');
    expect(await seriousA11yViolations(options)).toEqual([]);

    // Tomás's contact page offers "Start deal" in a stage the rep picks.
    await options.getByTestId('contact-row').getByRole('link').first().click();
    await options.getByTestId('detail-lead').waitFor();
    await options.getByTestId('start-deal-stage').selectOption('qualification');
    await options.getByTestId('start-deal').click();
    await expect.poll(async () => (await readStore<DealRow>(admin, 'deals')).length).toBe(2);
    expect((await readStore<DealRow>(admin, 'deals')).map((d) => d.stageId).sort()).toEqual([
      'prospecting',
      'qualification',
    ]);
    await options.getByTestId('timeline-item').filter({ hasText: 'Deal started' }).first().waitFor();
    await options.close();
    await page.close();
  });

  it('with "start a deal for every capture" on, the popup’s first button starts one', async () => {
    await setSettings(admin, { dealOnCapture: true });
    const page = await ext.context.newPage();
    await page.goto(`${origin}/loop/person.html`);
    const popup = await popupFor(ext, page);
    await expect.poll(() => popup.getByTestId('save-candidate').textContent()).toBe('Save and start deal');
    expect(await popup.getByTestId('save-lead').textContent()).toBe('Save without a deal');
    await popup.getByTestId('save-candidate').click();
    await expect.poll(() => popup.getByTestId('contact-stage').textContent()).toBe('Prospecting');
    await setSettings(admin, { dealOnCapture: false });
    await popup.close();
    await page.close();
  });

  it('adds a person by hand from the popup, filled from the selection, and never twice', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${origin}/notes.html`);
    // The rep selects a signature-like block (the page's own reading may find her too: the selection comes first).
    await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('sig')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    const popup = await popupFor(ext, page);
    await popup.getByTestId('popup-ready').waitFor();
    await popup.getByTestId('add-by-hand').click();
    await popup.getByTestId('add-form').waitFor();
    expect(await popup.getByTestId('review-name').getByRole('textbox').inputValue()).toBe('Ayu Pratiwi');
    expect(await popup.getByTestId('review-emails').getByRole('textbox').inputValue()).toBe(
      'ayu.pratiwi@maju-jaya.test',
    );
    expect(await popup.getByTestId('add-prefilled').textContent()).toBe('Filled in from the text you selected.');
    expect(await seriousA11yViolations(popup)).toEqual([]);
    await popup.getByTestId('review-phones').getByRole('textbox').fill('+62 21 555 0100');
    await popup.getByTestId('save-and-start-deal').click();
    await expect.poll(() => popup.getByTestId('contact-stage').textContent()).toBe('Prospecting');
    expect(await popup.getByTestId('candidate-name').textContent()).toBe('Ayu Pratiwi');
    const ayu = (await readStore<ContactRow>(admin, 'contacts')).filter((c) => c.name === 'Ayu Pratiwi');
    expect(ayu).toHaveLength(1);
    expect(ayu[0]!.editedFields).toContain('phones');

    // Again by hand with her email only: the same dedupe as a capture finds her; no second contact.
    await popup.getByTestId('add-by-hand').click();
    await popup.getByTestId('add-form').waitFor();
    await popup.getByTestId('review-name').getByRole('textbox').fill('');
    await popup.getByTestId('review-jobTitle').getByRole('textbox').fill('');
    await popup.getByTestId('review-company').getByRole('textbox').fill('');
    await popup.getByTestId('review-emails').getByRole('textbox').fill('AYU.PRATIWI@maju-jaya.test');
    await popup.getByTestId('save-candidate').click();
    await expect.poll(() => popup.getByTestId('candidate-name').textContent()).toBe('Ayu Pratiwi');
    expect((await readStore<ContactRow>(admin, 'contacts')).filter((c) => c.name === 'Ayu Pratiwi')).toHaveLength(1);
    await popup.close();
    await page.close();
  });

  it('adds by hand on the options page, in Indonesian: contacts’ "Tambah kontak" and a board column’s "+"', async () => {
    await setSettings(admin, { locale: 'id' });
    const options = await ext.context.newPage();
    await options.goto(ext.url('options.html#contacts'));
    await options.getByTestId('add-contact').click();
    const dialog = options.getByTestId('add-dialog');
    await dialog.getByTestId('add-title').waitFor();
    expect(await dialog.getByTestId('add-title').textContent()).toBe('Tambah orang');
    expect(await seriousA11yViolations(options)).toEqual([]);
    // Nothing to recognise them by: refused with a clear message, nothing stored.
    await dialog.getByTestId('save-candidate').click();
    await expect.poll(() => dialog.getByRole('alert').count()).toBe(1);
    await dialog.getByTestId('review-name').getByRole('textbox').fill('Bayu Saputra');
    await dialog.getByTestId('review-company').getByRole('textbox').fill('CV Sinar Laut');
    await dialog.getByTestId('save-candidate').click();
    await expect.poll(() => dialog.getByTestId('add-result').textContent()).toContain('Bayu Saputra ditambahkan');
    // The same person again (name at company): found, said so, not added twice.
    await dialog.getByTestId('review-name').getByRole('textbox').fill('Bayu Saputra');
    await dialog.getByTestId('review-company').getByRole('textbox').fill('CV Sinar Laut');
    await dialog.getByTestId('review-emails').getByRole('textbox').fill('bayu@sinarlaut.test');
    await dialog.getByTestId('save-candidate').click();
    await expect.poll(() => dialog.getByTestId('add-result').textContent()).toContain('Sudah ada di kontak Anda');
    const bayu = (await readStore<ContactRow>(admin, 'contacts')).filter((c) => c.name === 'Bayu Saputra');
    expect(bayu).toHaveLength(1);
    expect(bayu[0]!.emails).toEqual(['bayu@sinarlaut.test']);
    await dialog.getByTestId('add-cancel').click();
    await expect.poll(() => options.getByTestId('add-dialog').count()).toBe(0);

    await options.goto(ext.url('options.html#board'));
    await options.getByTestId('board-ready').waitFor();
    await options.getByTestId('add-in-demo').click();
    const plus = options.getByTestId('add-dialog');
    await plus.getByTestId('add-stage').waitFor();
    expect(await plus.getByTestId('save-candidate').textContent()).toBe('Tambah transaksi');
    expect(await seriousA11yViolations(options)).toEqual([]);
    await plus.getByTestId('review-name').getByRole('textbox').fill('Citra Lestari');
    await plus.getByTestId('review-emails').getByRole('textbox').fill('citra@lestari.test');
    await plus.getByTestId('save-candidate').click();
    await plus.getByTestId('add-result').waitFor();
    await plus.getByTestId('add-cancel').click();
    await expect
      .poll(() => options.getByTestId('column-demo').getByTestId('deal-card').allTextContents())
      .toEqual([expect.stringContaining('Citra Lestari')]);
    const citra = (await readStore<ContactRow>(admin, 'contacts')).find((c) => c.name === 'Citra Lestari')!;
    expect((await readStore<DealRow>(admin, 'deals')).filter((d) => d.contactId === citra.id)).toMatchObject([
      { stageId: 'demo' },
    ]);
    // "+" on a person who already has an open deal adds no second one.
    expect(
      await sendFrom(options, 'capture.save', {
        capture: { url: '', site: 'manual', candidates: [{ name: 'Citra Lestari', emails: ['citra@lestari.test'] }] },
        startDeal: true,
        stageId: 'proposal',
      }),
    ).toMatchObject({ ok: true, data: { saved: [{ dealStarted: false }] } });
    expect((await readStore<DealRow>(admin, 'deals')).filter((d) => d.contactId === citra.id)).toHaveLength(1);
    await setSettings(admin, { locale: 'en' });
    await options.close();
  });

  it('known people: a name-only match asks "Same person?", "Save all" lets the rep untick, saved ones read "Saved"', async () => {
    // Stored earlier with no email: the page's Rina matches by name and company only.
    await sendFrom(admin, 'capture.save', {
      capture: { url: '', site: 'manual', candidates: [{ name: 'Rina Kusuma', company: 'PT Kopi Nusantara' }] },
    });
    const page = await ext.context.newPage();
    await page.goto(`${origin}/team.html`);
    const popup = await popupFor(ext, page);
    await popup.getByTestId('name-match').waitFor();
    expect(await popup.getByTestId('candidate-name').textContent()).toBe('Rina Kusuma');
    await expect.poll(() => popup.getByTestId('person-tick').count()).toBe(3);
    expect(await seriousA11yViolations(popup)).toEqual([]);
    // Joko is not a prospect: untick him, save the other two.
    await popup.getByRole('checkbox', { name: 'Include Joko Susilo in Save all' }).uncheck();
    expect(await popup.getByTestId('save-all').textContent()).toBe('Save all 2 new people');
    await popup.getByTestId('save-all').click();
    await expect.poll(() => popup.getByTestId('person-saved').count()).toBe(2);
    const rows = popup.getByTestId('person-row');
    expect(await rows.filter({ hasText: 'Wulan Sari' }).getByTestId('person-saved').textContent()).toBe('Saved');
    expect(await rows.filter({ hasText: 'Joko Susilo' }).getByTestId('person-new').textContent()).toBe('New');
    const names = (await readStore<ContactRow>(admin, 'contacts')).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['Wulan Sari', 'Dimas Arya']));
    expect(names).not.toContain('Joko Susilo');
    expect(await seriousA11yViolations(popup)).toEqual([]);

    // Rina on this page is someone else: saved apart, the stored Rina untouched.
    await popup.getByTestId('different-person').click();
    await expect
      .poll(async () => (await readStore<ContactRow>(admin, 'contacts')).filter((c) => c.name === 'Rina Kusuma').length)
      .toBe(2);
    await popup.close();

    // The next time, the people saved are listed as known, Joko still as new; "Same person" confirms Rina.
    const again = await popupFor(ext, page);
    await again.getByTestId('person-known').first().waitFor();
    // The people remembered for this tab show first; the page's own read completes the list a moment later.
    await expect.poll(() => again.getByTestId('person-new').count()).toBe(1);
    // Known by email, Wulan and Dimas come first now; Rina is picked from the list.
    await again.getByTestId('person-row').filter({ hasText: 'Rina Kusuma' }).first().click();
    await again.getByTestId('same-person').click();
    await again.getByTestId('same-confirmed').waitFor();
    expect(await again.getByTestId('name-match').count()).toBe(0);
    await again.close();
    await page.close();
  });
});
