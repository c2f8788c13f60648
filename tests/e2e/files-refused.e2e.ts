// Files the import and the restore do not take are refused before anything is parsed, with words that say what
// the file is and what to use instead (issue #12.8), in real Chromium with the built extension; nothing is stored.
import { deflateRawSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Extension, launchExtension, readStore, seriousA11yViolations } from './harness';

const file = (name: string, content: string | Uint8Array, mimeType = 'application/octet-stream') => ({
  name,
  mimeType,
  buffer: Buffer.from(content),
});

/** The start of an Excel workbook: a zip whose first part is under xl/. */
function workbook(): Uint8Array {
  const name = Buffer.from('xl/workbook.xml');
  const header = Buffer.alloc(30);
  header.set([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0]);
  header[26] = name.length;
  return Buffer.concat([header, name, deflateRawSync(Buffer.from('<workbook/>'))]);
}
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const PROSE = 'Hi team, notes from the expo.\nAyu from PT Maju wants a demo, maybe next week.\nThanks!\n';
const BACKUP = '{"prospectorBackup":{"format":"prospector-backup","version":1}}\n';

async function setLocale(page: Page, locale: string) {
  await page.evaluate(async (l) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings ?? {}), locale: l } });
  }, locale);
}

describe('files that are not CSV, vCard or a backup', () => {
  let ext: Extension;
  let page: Page;

  beforeAll(async () => {
    ext = await launchExtension();
    page = await ext.context.newPage();
    await page.goto(ext.url('options.html#data'));
    await page.getByTestId('import-file').waitFor();
  });
  afterAll(async () => {
    await ext?.close();
  });

  async function importError(f: ReturnType<typeof file>): Promise<string> {
    await page.getByTestId('import-file').setInputFiles(f);
    const error = page.getByTestId('import-error');
    await expect.poll(async () => ((await error.count()) ? await error.textContent() : '')).toContain(`“${f.name}”`);
    return (await error.textContent()) ?? '';
  }

  it('the import names what each file is and what to choose instead, and stores nothing', async () => {
    expect(await importError(file('notes.txt', PROSE, 'text/plain'))).toBe(
      '“notes.txt” is plain text without columns, not a table of contacts. Save your list as CSV from a spreadsheet (a header row such as Name, Email, Company, then one person per row), or choose a vCard (.vcf).',
    );
    expect(await importError(file('leads.xlsx', workbook()))).toContain('is a spreadsheet workbook');
    // The content decides: a workbook renamed .csv is still a workbook.
    expect(await importError(file('leads.csv', workbook(), 'text/csv'))).toContain('Save As → CSV UTF-8');
    expect(await importError(file('card.png', PNG, 'image/png'))).toBe(
      '“card.png” is a picture (PNG), not a list of contacts. Choose a CSV file or a vCard (.vcf).',
    );
    expect(await importError(file('empty.csv', '', 'text/csv'))).toContain('is empty');
    const binary = new Uint8Array(2048).map((_, i) => (i * 7919) % 256);
    expect(await importError(file('export.csv', binary, 'text/csv'))).toContain('is not a text file');
    expect(await importError(file('prospector-backup.json', BACKUP, 'application/json'))).toContain(
      'is a Prospector backup',
    );
    expect(await page.getByTestId('csv-setup').count()).toBe(0);
    expect(await readStore(page, 'contacts')).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('a vCard saved under another name is read as a vCard', async () => {
    await page
      .getByTestId('import-file')
      .setInputFiles(
        file('contacts.txt', 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ayu Lestari\r\nEMAIL:ayu@maju.test\r\nEND:VCARD\r\n'),
      );
    await page.getByTestId('vcard-setup').waitFor();
    expect(await page.getByTestId('vcard-preview').textContent()).toContain('Ayu Lestari');
    // Back to choosing a file: nothing imported.
    await page.getByTestId('vcard-setup').getByRole('button', { name: 'Choose another file' }).click();
    await page.getByTestId('import-file').waitFor();
    expect(await readStore(page, 'contacts')).toEqual([]);
  });

  it('a tab-separated .txt from Excel is a table, and one row reads "1 row"', async () => {
    await page
      .getByTestId('import-file')
      .setInputFiles(
        file('Book1.txt', 'Name\tCompany\tEmail\r\nAyu Lestari\tPT Maju\tayu@maju.test\r\n', 'text/plain'),
      );
    const setup = page.getByTestId('csv-setup');
    await setup.waitFor();
    expect(await setup.locator('p').first().textContent()).toMatch(/, 1 row$/);
    expect(await page.getByTestId('import-start').textContent()).toBe('Import 1 row');
    await setup.getByRole('button', { name: 'Choose another file' }).click();
    await page.getByTestId('import-file').waitFor();
  });

  it('the restore takes only a backup, and points a list of contacts to the import; in Indonesian too', async () => {
    await page.getByTestId('restore-file').setInputFiles(file('contacts.csv', 'Name,Email\nAyu,ayu@maju.test\n'));
    const error = page.getByRole('alert').filter({ hasText: 'contacts.csv' });
    await expect.poll(() => error.count()).toBe(1);
    expect(await error.textContent()).toBe(
      '“contacts.csv” is a CSV file, not a Prospector backup. Restore takes the file “Download a backup” saved (prospector-backup-….json). To add the contacts in it, use Import above.',
    );
    expect(await seriousA11yViolations(page)).toEqual([]);

    await setLocale(page, 'id');
    await page.reload();
    await page.getByTestId('import-file').waitFor();
    await page.getByTestId('import-file').setInputFiles(file('catatan.txt', PROSE, 'text/plain'));
    await expect
      .poll(
        async () => (await page.getByTestId('import-error').count()) && page.getByTestId('import-error').textContent(),
      )
      .toBe(
        '“catatan.txt” adalah teks biasa tanpa kolom, bukan tabel kontak. Simpan daftar Anda sebagai CSV dari spreadsheet (baris judul seperti Nama, Email, Perusahaan, lalu satu orang per baris), atau pilih vCard (.vcf).',
      );
    await page.getByTestId('restore-file').setInputFiles(file('foto.png', PNG, 'image/png'));
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'foto.png' }).textContent())
      .toBe(
        '“foto.png” adalah gambar (PNG), bukan cadangan Prospector. Pemulihan memakai berkas yang disimpan “Unduh cadangan” (prospector-backup-….json).',
      );
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await readStore(page, 'contacts')).toEqual([]);
    await setLocale(page, 'en');
  });
});
