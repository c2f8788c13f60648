import type { Page } from 'playwright-core';

/**
 * After "Import" on a CSV's set-up: a file that leaves history open (deal rows without a date, won or lost deals)
 * gets one more question first (components/data/ImportWizard.tsx HistorySetup). Takes the wizard's defaults
 * there, or `choose` sets some first; then waits for the report.
 */
export async function finishCsvImport(page: Page, choose?: (page: Page) => Promise<void>): Promise<void> {
  await page
    .locator('[data-testid="history-setup"], [data-testid="import-report"]')
    .first()
    .waitFor({ timeout: 30_000 });
  if (await page.getByTestId('history-setup').count()) {
    await choose?.(page);
    await page.getByTestId('history-start').click();
  }
  await page.getByTestId('import-report').waitFor({ timeout: 30_000 });
}
