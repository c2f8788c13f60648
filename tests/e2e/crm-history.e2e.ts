// A CRM-style export with what real exports do to history (undated rows, rows without accounts, closed deals that
// start past the first stage, two spellings of one owner) imported through the Data view's wizard; owners merged
// and quotas set in Settings; then every KPI, the funnel, attainment and coverage read on screen against the hand
// calculation in tests/fixtures/forecast/crm-export.md (read it alongside: each expectation is a line there).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Extension, launchExtension, ROOT } from './harness';
import { finishCsvImport } from './import-steps';

const FILE = `${ROOT}/tests/fixtures/forecast/crm-export.csv`;

/** The raw number behind a figure on screen (data-value), or null when it shows as unknown. */
async function value(page: Page, testid: string): Promise<number | null> {
  const raw = await page.getByTestId(testid).first().getAttribute('data-value');
  return raw === null || raw === '' ? null : Number(raw);
}

describe('a CRM export that keeps its history, owners and quotas', () => {
  let ext: Extension;
  let page: Page;

  beforeAll(async () => {
    ext = await launchExtension();
    page = await ext.context.newPage();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('imports the file through the wizard, asking about its undated rows; owners merged, quotas set', async () => {
    await page.goto(ext.url('options.html#data'));
    await page.getByTestId('import-file').setInputFiles(FILE);
    await page.getByTestId('csv-setup').waitFor();
    await page.getByTestId('import-start').click();
    await finishCsvImport(page, async (p) => {
      // 3 of the 12 deal rows have no date; closed deals start where "Engaging" maps (guessed from engage_date).
      expect(await p.getByTestId('undated-choice').getAttribute('data-value')).toBe('3');
      expect(await p.getByTestId('closed-from').inputValue()).toBe('initial_contact');
      expect(await p.getByTestId('undated-earliest').locator('..').textContent()).toContain('Aug 1, 2026');
      await p.getByTestId('undated-earliest').check();
    });
    expect(await page.getByTestId('count-deals-created').textContent()).toBe('12');
    expect(await page.getByTestId('count-problems').textContent()).toBe('0');
    expect(await value(page, 'report-undated')).toBe(3);
    expect(await page.getByTestId('report-undated').textContent()).toContain('Aug 1, 2026');
    expect(await page.getByTestId('import-report').textContent()).toContain('3 deals had no account or person');

    // Settings: "Ben" is Ben Tan; quotas for October.
    await page.goto(ext.url('options.html#settings'));
    await page.getByTestId('owners-table').waitFor();
    expect(
      await page.getByTestId('owner-name').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
    ).toEqual(['Ayu Lestari', 'Ben', 'Ben Tan']);
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('owner-ben').getByTestId('owner-merge').selectOption('Ben Tan');
    await expect.poll(() => page.getByTestId('owner-name').count()).toBe(2);
    expect(await page.getByTestId('owner-ben-tan').textContent()).toContain('also written: Ben');
    for (const [owner, amount] of [
      ['Ben Tan', '5000'],
      ['Ayu Lestari', '4000'],
      ['', '10000'],
    ] as const) {
      await page.getByTestId('quota-owner').selectOption(owner);
      await page.getByTestId('quota-period').fill('2026-10');
      await page.getByTestId('quota-amount').fill(amount);
      await page.getByTestId('quota-save').click();
      await expect
        .poll(() =>
          page
            .getByTestId('quota-item')
            .filter({ hasText: owner || 'Team' })
            .count(),
        )
        .toBe(1);
    }
  });
  it('shows October’s KPIs, each against the 31 days before', async () => {
    await page.goto(ext.url('options.html#analytics?from=2026-10-01&to=2026-10-31'));
    await page.getByTestId('analytics-ready').waitFor();
    expect(await value(page, 'kpi-won')).toBe(3);
    expect(await value(page, 'kpi-closed')).toBe(5);
    expect(await value(page, 'kpi-win-rate')).toBeCloseTo(0.6, 12);
    expect(await value(page, 'kpi-win-rate-change')).toBeCloseTo(0.1, 12);
    expect(await value(page, 'kpi-avg-won-size')).toBe(200_000);
    expect(await value(page, 'kpi-avg-won-size-change')).toBe(-50_000);
    expect(await value(page, 'kpi-median-cycle')).toBe(34);
    expect(await value(page, 'kpi-mean-cycle')).toBe(33);
    expect(await value(page, 'kpi-median-cycle-change')).toBe(-11);
    expect(await value(page, 'kpi-open-deals')).toBe(5);
    expect(await value(page, 'kpi-open-deals-change')).toBe(-2);
    expect(await value(page, 'kpi-velocity')).toBeCloseTo(600_000 / 33, 6);
    expect(await value(page, 'kpi-velocity-change')).toBeCloseTo(600_000 / 33 - 875_000 / 45, 6);
    expect(await value(page, 'kpi-new-prospects')).toBe(2);
    expect(await value(page, 'kpi-new-prospects-change')).toBe(0);
  });

  it('shows all time: new prospects without the placeholder, won value by quarter, skipped stages', async () => {
    await page.getByTestId('preset-all').click();
    await expect.poll(() => page.url()).toContain('from=2026-08-01');
    await expect.poll(() => page.getByTestId('preset-all').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => value(page, 'kpi-new-prospects')).toBe(8);
    expect(await value(page, 'won-total')).toBe(850_000);
    expect(await value(page, 'won-quarter-2026-Q3-amount')).toBe(250_000);
    expect(await value(page, 'won-quarter-2026-Q4-amount')).toBe(600_000);
    expect(await value(page, 'won-month-2026-10-amount')).toBe(600_000);
    // Exact figures in the table; the chart's tooltip is exact too.
    expect(await page.getByTestId('won-quarter-2026-Q4-amount').textContent()).toBe('$6,000.00');
    expect(await page.locator('[data-testid="won-chart"] title').allTextContents()).toContain(
      'Oct 2026 · Won: $6,000.00',
    );

    expect(await value(page, 'funnel-cohort')).toBe(12);
    const funnel = [
      ['prospecting', 3, 9, 0, 0],
      ['initial_contact', 9, 0, 4 / 9, 4 / 9],
      ['qualification', 0, 4, null, null],
      ['demo', 0, 4, null, null],
      ['proposal', 0, 4, null, null],
      ['closing', 0, 4, null, null],
    ] as const;
    for (const [stage, entered, skipped, next, won] of funnel) {
      expect(await value(page, `funnel-${stage}-reached`), stage).toBe(entered);
      expect(await value(page, `funnel-${stage}-skipped`), stage).toBe(skipped);
      if (next === null) expect(await value(page, `funnel-${stage}-next`), stage).toBeNull();
      else expect(await value(page, `funnel-${stage}-next`), stage).toBeCloseTo(next, 12);
      if (won === null) expect(await value(page, `funnel-${stage}-won`), stage).toBeNull();
      else expect(await value(page, `funnel-${stage}-won`), stage).toBeCloseTo(won, 12);
    }
    expect(await value(page, 'funnel-won-reached')).toBe(4);
  });

  it('shows October’s quota attainment, gap and coverage per owner and for the team, and filters by owner', async () => {
    await page.goto(ext.url('options.html#forecast?asOf=2026-10-31&horizon=3'));
    await page.getByTestId('forecast-ready').waitFor();
    await page.getByTestId('quota-table').waitFor();
    const expected = {
      'ayu-lestari': [400_000, 200_000, 0.5, 200_000, 60_000, 0.3],
      'ben-tan': [500_000, 400_000, 0.8, 100_000, 47_500, 0.475],
      team: [1_000_000, 600_000, 0.6, 400_000, 107_500, 0.26875],
    } as const;
    for (const [row, [quota, won, attainment, gap, open, coverage]] of Object.entries(expected)) {
      expect(await value(page, `quota-${row}-quota`), row).toBe(quota);
      expect(await value(page, `quota-${row}-won`), row).toBe(won);
      expect(await value(page, `quota-${row}-attainment`), row).toBeCloseTo(attainment, 12);
      expect(await value(page, `quota-${row}-gap`), row).toBe(gap);
      expect(await value(page, `quota-${row}-open`), row).toBe(open);
      expect(await value(page, `quota-${row}-coverage`), row).toBeCloseTo(coverage, 12);
    }

    await page.getByTestId('owner-filter').selectOption('Ben Tan');
    await expect.poll(() => page.url()).toContain('owner=Ben+Tan');
    await expect.poll(() => value(page, 'forecast-row-2026-10-closed')).toBe(400_000);
    expect(await value(page, 'forecast-row-2026-10-weighted')).toBe(447_500);
  });
});
