// Issue #15.4 in real Chromium: a CSV file that stops being UTF-8 after its first 64 KB is not re-read silently
// as Windows-1252. The Data view names the line and the rep chooses how to read it; nothing is imported before.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Extension, launchExtension, readStore, seriousA11yViolations } from './harness';
import { finishCsvImport } from './import-steps';

describe('a CSV file with a byte that is not UTF-8', () => {
  let ext: Extension;
  let page: Page;
  const file = join(mkdtempSync(join(tmpdir(), 'prospector-encoding-')), 'contacts.csv');

  beforeAll(async () => {
    // 3,000 rows of plain text (past the first 64 KB), then "René" as Excel on Windows writes it (é = 0xE9).
    const head = `Name,Company,Email\r\n${Array.from({ length: 3000 }, (_, i) => `Person ${i},Acme ${i},p${i}@acme.test`).join('\r\n')}\r\n`;
    const rene = Buffer.from([
      ...Buffer.from('Ren'),
      0xe9,
      ...Buffer.from(',Caf'),
      0xe9,
      ...Buffer.from(',rene@cafe.test\r\n'),
    ]);
    writeFileSync(file, Buffer.concat([Buffer.from(head), rene]));
    ext = await launchExtension();
    page = await ext.context.newPage();
    await page.goto(ext.url('options.html#data'));
    await page.getByTestId('import-file').waitFor();
  }, 60_000);
  afterAll(async () => {
    await ext?.close();
  });

  it('names the line and lets the rep choose the encoding, then imports what the rep chose', async () => {
    await page.getByTestId('import-file').setInputFiles(file);
    const choice = page.getByTestId('encoding-choice');
    await choice.waitFor({ timeout: 30_000 });
    expect(await choice.textContent()).toContain('Line 3002 ');
    expect(await readStore(page, 'contacts')).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByTestId('encoding-windows-1252').check();
    await page.getByTestId('encoding-read').click();
    await page.getByTestId('csv-setup').waitFor({ timeout: 30_000 });
    await page.getByTestId('import-start').click();
    await finishCsvImport(page);
    const contacts = await readStore<{ name: string; company: string }>(page, 'contacts');
    expect(contacts).toHaveLength(3001);
    expect(contacts.find((c) => c.name === 'René')?.company).toBe('Café');
  }, 120_000);
});
