// An import's problems in the rep's language (issue #14.4): a rep working in Bahasa Indonesia imports a file with bad
// rows; the report and the problems CSV say what is wrong in Indonesian, with each row's exact line, and switching
// the language afterwards re-words the same report. Real built extension, real Chromium, real IndexedDB.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Extension, launchExtension, ROOT } from './harness';
import { finishCsvImport } from './import-steps';

const FIXTURES = `${ROOT}/tests/fixtures/io`;

async function setLocale(page: Page, locale: 'en' | 'id'): Promise<void> {
  await page.evaluate(async (l) => {
    const settings = ((await chrome.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
    await chrome.storage.local.set({ settings: { ...settings, locale: l } });
  }, locale);
}

async function problemRows(page: Page): Promise<string[][]> {
  return page
    .getByTestId('problem-row')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
}

describe('import problems in the rep’s language', () => {
  let ext: Extension;
  let page: Page;

  beforeAll(async () => {
    ext = await launchExtension();
    page = await ext.context.newPage();
    await page.goto(ext.url('options.html#data'));
    await page.getByTestId('import-file').waitFor();
    await setLocale(page, 'id');
    await page.reload();
    await page.getByTestId('import-file').waitFor();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('reports and downloads the problems in Indonesian, and re-words the report when the language changes', async () => {
    await page.getByTestId('import-file').setInputFiles(`${FIXTURES}/opportunities-bad.csv`);
    await page.getByTestId('csv-setup').waitFor();
    await page.getByTestId('import-start').click();
    await finishCsvImport(page);
    expect(await page.getByTestId('report-summary').textContent()).toBe(
      '5 dari 12 baris diimpor dari opportunities-bad.csv',
    );
    const rows = await problemRows(page);
    expect(rows.map(([line]) => line)).toEqual(['3', '5', '6', '8', '9', '10', '11']);
    expect(rows[4]).toEqual(['9', '“lots” di “close_value” bukan jumlah uang.']);
    expect(rows[5]).toEqual(['10', 'Transaksi yang sama dengan baris 4.']);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-problems').click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8').split('\r\n');
    expect(csv[0]).toBe(
      '\uFEFF"Baris","Masalah","opportunity_id","sales_agent","product","account","deal_stage","engage_date","close_date","close_value"',
    );
    expect(csv).toContain(
      '"9","“lots” di “close_value” bukan jumlah uang.","B008","Vicki Laflamme","GTX Basic","Codehow","Won","2016-12-01","2017-02-01","lots"',
    );

    // The same report, after the rep switches to English: nothing re-read, every problem in the new language.
    await setLocale(page, 'en');
    await page.getByText('Imported 5 of 12 rows from opportunities-bad.csv').waitFor({ timeout: 10_000 });
    const english = await problemRows(page);
    expect(english.map(([line]) => line)).toEqual(['3', '5', '6', '8', '9', '10', '11']);
    expect(english[4]).toEqual(['9', '“lots” in “close_value” is not an amount.']);
    expect(english[5]?.[1]).toBe('The same deal as row 4.');
  });
});
