// The KPIs and forecast on tests/fixtures/forecast/opportunities.csv, against the numbers worked out by hand in
// tests/fixtures/forecast/opportunities.md (read it alongside: each expectation below is a line there).
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { forecastAccuracy } from '@/lib/forecast/accuracy';
import { analyticsReport } from '@/lib/forecast/analytics-report';
import { periodsFrom } from '@/lib/forecast/calendar';
import { type DealTable, dealTable } from '@/lib/forecast/deal-table';
import { forecastByPeriod } from '@/lib/forecast/forecast-by-period';
import { forecastReport } from '@/lib/forecast/forecast-report';
import { learnedStageRates } from '@/lib/forecast/probability-methods';
import { EVEN, opportunityDeals, STAGES } from './factory';

const FILE = resolve(import.meta.dirname, '../../fixtures/forecast/opportunities.csv');
const TODAY = Date.UTC(2026, 10, 29, 15); // 2026-11-29, 15:00 UTC
const JUNE_30_END = Date.UTC(2026, 6, 1) - 1;

let t: DealTable;
beforeAll(() => {
  t = dealTable(opportunityDeals(FILE), STAGES);
});

describe('KPIs for 2026-01-01 … 2026-06-30 on the opportunity file', () => {
  const kpis = () =>
    analyticsReport(t, { firstDay: '2026-01-01', lastDay: '2026-06-30', now: TODAY, zone: 'utc', currency: 'USD' });

  it('win rate, average won deal, sales cycle, open deals and velocity', () => {
    const r = kpis();
    expect(t.n).toBe(30);
    expect(r.winRate).toEqual({ won: 11, lost: 7, rate: 11 / 18 });
    expect(r.wonSize).toMatchObject({ count: 11, total: 4_908_500, unknownAmount: 0, otherCurrency: 0 });
    expect(r.wonSize.average).toBeCloseTo(446_227.2727, 3);
    expect(r.cycle.count).toBe(11);
    expect(r.cycle.medianDays).toBe(30);
    expect(r.cycle.meanDays).toBeCloseTo(390 / 11, 10);
    expect(r.openDeals).toBe(9);
    expect(r.velocity).toBeCloseTo(69_222.4359, 3);
  });

  it('new prospects (accounts first seen) per month by source, and captures per week', () => {
    const r = kpis();
    expect(r.prospects.sources).toEqual(['import']);
    expect(r.prospects.rows.map((m) => [m.key, m.total])).toEqual([
      ['2026-01', 4],
      ['2026-02', 3],
      ['2026-03', 3],
      ['2026-04', 2],
      ['2026-05', 0],
      ['2026-06', 0],
    ]);
    expect(r.prospects.total).toBe(12);
    expect(r.captures.length).toBe(27); // the weeks of Dec 29, 2025 … Jun 29, 2026
    expect(r.captures.every((w) => w.count === 0)).toBe(true);
  });

  it('stage conversion, days in stage and the bottleneck', () => {
    const r = kpis();
    expect(r.funnel.cohort).toBe(25);
    expect(r.funnel.won).toBe(12);
    // Stages a deal never entered are skipped, not passed: the won deals went Prospecting → Won.
    expect(r.funnel.rows.map((f) => [f.stageId, f.reached, f.skipped, f.toNext, f.wonShare])).toEqual([
      ['prospecting', 22, 3, 12 / 22, 12 / 22],
      ['initial_contact', 3, 12, 0, 0],
      ['qualification', 0, 12, null, null],
      ['demo', 0, 12, null, null],
      ['proposal', 0, 12, null, null],
      ['closing', 0, 12, null, null],
    ]);
    expect(r.dwell[0]).toEqual({ stageId: 'prospecting', sample: 19, medianDays: 30 });
    expect(r.dwell.slice(1).every((d) => d.sample === 0 && d.medianDays === null)).toBe(true);
    // Only Prospecting was entered by 5 deals or more: nothing to compare it with, so no bottleneck.
    expect(r.bottleneck).toBeNull();
  });
});

describe('the forecast on the opportunity file', () => {
  const base = { currency: 'USD', bantWeights: EVEN } as const;

  it('made today, by month for 3 months, with configured probabilities', () => {
    const periods = periodsFrom('2026-11-29', 'month', 3, 'utc');
    const f = forecastByPeriod(t, { ...base, asOf: TODAY, periods, method: 'configured' });
    expect(f.rows.map((r) => [r.key, r.closedWon, r.pipeline, r.weighted, r.openDeals, r.unknownAmount])).toEqual([
      ['2026-11', 0, 0, 0, 0, 0],
      ['2026-12', 0, 3_400_000, 317_000, 3, 0],
      ['2027-01', 0, 320_000, 32_000, 1, 0],
    ]);
    expect(f.rows.every((r) => r.commit === 0 && r.bestCase === 0)).toBe(true);
    expect(f.overdue).toEqual({ deals: 1, amount: 54_000, weighted: 5_400, unknownAmount: 0 });
    expect(f.noCloseDate).toEqual({ deals: 2, amount: 2_500_000, weighted: 250_000, unknownAmount: 1 });
    expect(f.beyond).toEqual({ deals: 1, amount: 0, weighted: 0, unknownAmount: 1 });
    expect(f.totals).toMatchObject({ pipeline: 3_720_000, weighted: 349_000 });
  });

  it('made today with learned probabilities: Prospecting learned from 22 closed and 3 stalled deals', () => {
    const rates = learnedStageRates(t, { asOf: TODAY });
    expect(rates[0]).toMatchObject({ stageId: 'prospecting', sample: 25, won: 14, stalled: 3, stallDays: 90 });
    expect(rates[0]).toMatchObject({ fallback: false, used: 0.56 });
    expect(rates[1]).toMatchObject({ stageId: 'initial_contact', sample: 0, learned: null, used: 0.1, fallback: true });
    const periods = periodsFrom('2026-11-29', 'month', 3, 'utc');
    const f = forecastByPeriod(t, { ...base, asOf: TODAY, periods, method: 'learned' });
    expect(f.rows.map((r) => r.weighted)).toEqual([0, 551_600, 32_000]);
  });

  it('as of 2026-06-30, rebuilt from history, and its accuracy against what was won since', () => {
    const periods = periodsFrom('2026-06-30', 'month', 3, 'utc');
    const f = forecastByPeriod(t, { ...base, asOf: JUNE_30_END, periods, method: 'configured' });
    expect(
      f.rows.map((r) => [r.key, r.closedWon, r.pipeline, r.weighted, r.openDeals + r.wonDeals, r.unknownAmount]),
    ).toEqual([
      ['2026-06', 470_000, 0, 470_000, 1, 0],
      ['2026-07', 0, 50_000, 2_500, 2, 1],
      ['2026-08', 0, 6_500, 325, 1, 0],
    ]);
    expect(f.beyond).toMatchObject({ deals: 5, amount: 1_324_000, unknownAmount: 1 });
    expect(f.noCloseDate).toMatchObject({ deals: 1, unknownAmount: 1 });

    const accuracy = forecastAccuracy(t, JUNE_30_END, periods, { ...base, method: 'configured' });
    expect(accuracy.map((a) => [a.key, a.forecast, a.actual])).toEqual([
      ['2026-06', 470_000, 470_000],
      ['2026-07', 2_500, 50_000],
      ['2026-08', 325, 12_300],
    ]);
    expect(accuracy[0]!.errorPct).toBe(0);
    expect(accuracy[1]!.errorPct).toBe(-95);
    expect(accuracy[2]!.errorPct).toBeCloseTo((-11_975 / 12_300) * 100, 10);
  });

  it('learns only from what had closed by the as-of date, with the minimum sample', () => {
    const rates = learnedStageRates(t, { asOf: JUNE_30_END });
    // None of the six open in Prospecting then had been there 90 days (three times its median stay of 30).
    expect(rates[0]).toMatchObject({ sample: 18, won: 11, stalled: 0, used: 0.05, fallback: true });
    expect(rates[0]!.learned).toBeCloseTo(11 / 18, 12);
    const lower = learnedStageRates(t, { asOf: JUNE_30_END, minSample: 10 });
    expect(lower[0]).toMatchObject({ fallback: false });
    expect(lower[0]!.used).toBeCloseTo(11 / 18, 12);
  });

  it('lists the data the forecast cannot use', () => {
    const r = forecastReport(t, {
      ...base,
      asOf: TODAY,
      now: TODAY,
      zone: 'utc',
      grain: 'month',
      horizon: 3,
      method: 'configured',
    });
    expect(r.quality.openDeals).toBe(8);
    expect(r.quality.counts).toEqual({
      'no-amount': 2,
      'no-close-date': 2,
      'close-date-past': 1,
      'other-currency': 0,
    });
    expect(r.quality.items.map((i) => [i.dealId, i.issues])).toEqual([
      ['OPP-1022', ['no-amount', 'no-close-date']],
      ['OPP-1030', ['no-close-date']],
      ['OPP-1026', ['close-date-past']],
      ['OPP-1024', ['no-amount']],
    ]);
  });
});
