// The options page's Data view in real Chromium with the built extension: CSV import with a report of bad rows,
// re-import without duplicates, vCard import, backup → wipe → restore identical, and axe-core on each step.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Extension, launchExtension, ROOT, readStore, seriousA11yViolations } from './harness';
import { finishCsvImport } from './import-steps';

const FIXTURES = `${ROOT}/tests/fixtures/io`;

/** Every object store of the extension's database, each sorted by id: the whole stored state. */
async function everything(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((ok, fail) => {
        const open = indexedDB.open('prospector');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names);
          const out: Record<string, unknown[]> = {};
          for (const name of names) {
            const req = tx.objectStore(name).getAll();
            req.onsuccess = () => {
              out[name] = req.result;
            };
          }
          tx.oncomplete = () => {
            db.close();
            ok(out);
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
  );
}

async function importCsv(page: Page, file: string): Promise<void> {
  await page.getByTestId('import-file').setInputFiles(`${FIXTURES}/${file}`);
  await page.getByTestId('csv-setup').waitFor();
  await page.getByTestId('import-start').click();
  await finishCsvImport(page);
}

const text = (page: Page, testid: string) => page.getByTestId(testid).textContent();

type StoredSettings = Record<string, unknown>;

/** The settings as stored (chrome.storage.local 'settings'). */
async function storedSettings(page: Page): Promise<StoredSettings> {
  return page.evaluate(async () => ((await chrome.storage.local.get('settings')).settings ?? {}) as StoredSettings);
}

async function setSettings(page: Page, patch: StoredSettings): Promise<void> {
  await page.evaluate(async (p) => {
    const settings = ((await chrome.storage.local.get('settings')).settings ?? {}) as StoredSettings;
    await chrome.storage.local.set({ settings: { ...settings, ...p } });
  }, patch);
}

describe('the Data view', () => {
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

  it('imports a CSV with good and bad rows and reports the bad ones by row and reason, downloadable', async () => {
    await page.getByTestId('import-file').setInputFiles(`${FIXTURES}/opportunities-bad.csv`);
    await page.getByTestId('csv-setup').waitFor();
    expect(await text(page, 'csv-format')).toContain('opportunity list');
    expect(await page.getByTestId('map-7').inputValue()).toBe('amount');
    expect(await page.getByTestId('stage-map-engaging').inputValue()).toBe('initial_contact');
    expect(await seriousA11yViolations(page), 'set-up step').toEqual([]);
    await page.getByTestId('import-start').click();
    await finishCsvImport(page);
    expect(await text(page, 'report-summary')).toBe('Imported 5 of 12 rows from opportunities-bad.csv');
    expect(await text(page, 'count-deals-created')).toBe('5');
    expect(await text(page, 'count-problems')).toBe('7');
    const problems = await page.getByTestId('problem-row').allTextContents();
    expect(problems.map((p) => Number.parseInt(p, 10))).toEqual([3, 5, 6, 8, 9, 10, 11]);
    expect(problems[0]).toContain('2016-13-45');
    expect(problems[5]).toContain('row 4');
    expect(await seriousA11yViolations(page), 'report').toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-problems').click(),
    ]);
    expect(download.suggestedFilename()).toBe('opportunities-bad-problems.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    // Every field quoted (lib/io/formula-guard.ts, docs/data-in-out.md); the row column is the file's line.
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFF"Line","Problem","opportunity_id","sales_agent","product","account","deal_stage","engage_date","close_date","close_value"',
    );
    expect(csv).toContain(
      '"9","“lots” in “close_value” is not an amount.","B008","Vicki Laflamme","GTX Basic","Codehow","Won","2016-12-01","2017-02-01","lots"',
    );

    const deals = await readStore<{ title: string; stageId: string; amount: number | null }>(page, 'deals');
    expect(deals.map((d) => d.title).sort()).toEqual([
      'GTX Basic — Cancity',
      'GTX Basic — Codehow',
      'GTXPro — Hatfan',
      'MG Advanced — Ron-tech',
      'MG Special — Isdom',
    ]);
    await page.getByTestId('import-again').click();
  });

  it('imports the same file twice without duplicating anything', async () => {
    await importCsv(page, 'opportunities.csv');
    expect(await text(page, 'count-deals-created')).toBe('16');
    // Looking at another view and coming back keeps the import's report (an import also goes on meanwhile).
    await page.getByTestId('nav-board').click();
    await page.getByTestId('view-board').waitFor();
    await page.getByTestId('nav-data').click();
    expect(await text(page, 'count-deals-created')).toBe('16');
    await page.getByTestId('import-again').click();
    const before = await everything(page);
    await importCsv(page, 'opportunities.csv');
    expect(await text(page, 'count-deals-created')).toBe('0');
    expect(await text(page, 'count-deals-existing')).toBe('16');
    expect(await text(page, 'count-contacts-created')).toBe('0');
    expect(await everything(page)).toEqual(before);
    await page.getByTestId('import-again').click();
  });

  it('imports vCards as a phone exports them', async () => {
    await page.getByTestId('import-file').setInputFiles(`${FIXTURES}/iphone-3.0.vcf`);
    await page.getByTestId('vcard-setup').waitFor();
    expect(await page.getByTestId('vcard-preview').textContent()).toContain('Dewi Lestari');
    expect(await seriousA11yViolations(page), 'vCard set-up').toEqual([]);
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-report').waitFor();
    expect(await text(page, 'count-contacts-created')).toBe('2');
    const contacts = await readStore<{ name: string; phones: string[]; urls: { linkedin?: string }; location: string }>(
      page,
      'contacts',
    );
    expect(contacts.find((c) => c.name === 'Dewi Lestari')).toMatchObject({
      phones: ['+62 812 3456 7890'],
      urls: { linkedin: 'https://www.linkedin.com/in/dewilestari/' },
      location: 'Jakarta, DKI Jakarta, Indonesia',
    });
    await page.getByTestId('import-again').click();
  });

  it('backup → wipe → restore gives back every table and the settings, identical', async () => {
    await page.getByTestId('demo-load').click();
    await page.getByTestId('demo-done').waitFor({ timeout: 30_000 });
    await setSettings(page, { owner: 'Ayu', currency: 'IDR' });
    const settingsBefore = await storedSettings(page);
    const before = await everything(page);
    expect((before.contacts ?? []).length).toBeGreaterThan(300);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-download').click()]);
    expect(download.suggestedFilename()).toMatch(/^prospector-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = (await download.path())!;

    await page.getByTestId('wipe-open').click();
    expect(await seriousA11yViolations(page), 'wipe confirmation').toEqual([]);
    await page.getByTestId('wipe-confirm').click();
    await page.getByTestId('wipe-done').waitFor();
    // Every store is empty (contacts, deals, activities and the indexes derived from them) but the stages.
    const wiped = await everything(page);
    for (const [store, rows] of Object.entries(wiped)) {
      if (store === 'stages') expect(rows).toEqual(before.stages);
      else expect(rows, store).toEqual([]);
    }
    await setSettings(page, { owner: 'Someone else' });

    await page.getByTestId('restore-file').setInputFiles(backup);
    await page.getByTestId('restore-confirm-box').waitFor({ timeout: 30_000 });
    expect(await seriousA11yViolations(page), 'restore confirmation').toEqual([]);
    await page.getByTestId('restore-confirm').click();
    await page.getByTestId('backup-message').waitFor({ timeout: 60_000 });
    expect(await everything(page)).toEqual(before);
    // The settings come back too (as stored in full, so they include every default the partial ones lacked).
    const settingsAfter = await storedSettings(page);
    expect(settingsAfter).toMatchObject(settingsBefore);
    expect(settingsAfter.owner).toBe('Ayu');
  });

  it('has no serious or critical accessibility violations, in light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.reload();
      await page.getByTestId('import-file').waitFor();
      expect(await seriousA11yViolations(page), scheme).toEqual([]);
    }
  });
});
