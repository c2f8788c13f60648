import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trackRecord } from '@/lib/forecast/accuracy';
import { periodsFrom } from '@/lib/forecast/calendar';
import { dataQuality } from '@/lib/forecast/data-quality';
import { dealTable } from '@/lib/forecast/deal-table';
import { forecastByPeriod } from '@/lib/forecast/forecast-by-period';
import { openDealsAt } from '@/lib/forecast/kpi/sales-velocity';
import { DAY, deal, EVEN, noon, STAGES } from './factory';

const NOW = noon('2026-03-15');
const months = periodsFrom('2026-03-15', 'month', 2, 'utc'); // March, April
const base = { asOf: NOW, periods: months, currency: 'USD', bantWeights: EVEN } as const;

describe('the forecast by period', () => {
  it('stacks open deals by category (stage default or the deal’s override) and weights them', () => {
    const t = dealTable(
      [
        deal('pipe', [['qualification', NOW]], { amount: 10_000, expectedClose: '2026-03-20' }), // pipeline, 20 %
        deal('best', [['demo', NOW]], { amount: 20_000, expectedClose: '2026-03-31' }), // best case, 40 %
        deal('commit', [['closing', NOW]], { amount: 30_000, expectedClose: '2026-04-01' }), // commit, 80 %
        deal('up', [['qualification', NOW]], {
          amount: 5_000,
          expectedClose: '2026-04-02',
          forecastCategory: 'commit',
        }),
        deal('closed-cat', [['demo', NOW]], { amount: 1_000, expectedClose: '2026-04-03', forecastCategory: 'closed' }),
        deal('omit', [['closing', NOW]], { amount: 99_999, expectedClose: '2026-03-20', forecastCategory: 'omitted' }),
        deal('own-p', [['demo', NOW]], { amount: 4_000, expectedClose: '2026-04-10', probability: 0.75 }),
        deal(
          'won',
          [
            ['closing', NOW - DAY],
            ['won', noon('2026-03-02')],
          ],
          { amount: 7_000 },
        ),
        deal(
          'won-before',
          [
            ['closing', NOW - 40 * DAY],
            ['won', noon('2026-02-27')],
          ],
          { amount: 1 },
        ),
        deal(
          'lost',
          [
            ['closing', NOW - DAY],
            ['lost', noon('2026-03-03')],
          ],
          { amount: 8_000, expectedClose: '2026-03-03' },
        ),
        deal('future', [['closing', NOW + DAY]], { amount: 50_000, expectedClose: '2026-03-30' }),
        deal('euro', [['closing', NOW]], { amount: 3_000, currency: 'EUR', expectedClose: '2026-03-30' }),
      ],
      STAGES,
    );
    const f = forecastByPeriod(t, { ...base, method: 'configured' });
    const [march, april] = f.rows;
    expect(march).toEqual({
      key: '2026-03',
      closedWon: 7_000,
      commit: 0,
      bestCase: 20_000,
      pipeline: 10_000,
      weighted: 7_000 + 2_000 + 8_000,
      openDeals: 2,
      wonDeals: 1,
      unknownAmount: 0,
    });
    expect(april).toEqual({
      key: '2026-04',
      closedWon: 0,
      commit: 30_000 + 5_000 + 1_000,
      bestCase: 4_000,
      pipeline: 0,
      weighted: 24_000 + 1_000 + 400 + 3_000,
      openDeals: 4,
      wonDeals: 0,
      unknownAmount: 0,
    });
    expect(f.omitted).toEqual({ deals: 1, amount: 99_999, weighted: 79_999, unknownAmount: 0 });
    expect(f.otherCurrency).toBe(1);
    expect(f.totals.weighted).toBe(march!.weighted + april!.weighted);
  });

  it('never drops an open deal: each is in exactly one period or one bucket beside them', () => {
    const stageIds = STAGES.map((s) => s.id);
    const arbitraryDeal = fc.record({
      stages: fc.array(fc.constantFrom(...stageIds), { minLength: 1, maxLength: 4 }),
      start: fc.integer({ min: -200, max: 10 }),
      gap: fc.integer({ min: 0, max: 30 }),
      amount: fc.option(fc.integer({ min: 0, max: 1_000_000 })),
      close: fc.option(fc.integer({ min: -100, max: 200 })),
      category: fc.option(
        fc.constantFrom('pipeline', 'best_case', 'commit', 'closed', 'omitted') as fc.Arbitrary<
          'pipeline' | 'best_case' | 'commit' | 'closed' | 'omitted'
        >,
      ),
    });
    fc.assert(
      fc.property(
        fc.array(arbitraryDeal, { maxLength: 40 }),
        fc.constantFrom('configured', 'learned', 'bant'),
        (specs, method) => {
          const deals = specs.map((s, i) =>
            deal(
              `d${i}`,
              s.stages.map((id, k): [string, number] => [id, NOW + (s.start + k * s.gap) * DAY]),
              {
                amount: s.amount,
                expectedClose: s.close === null ? null : new Date(NOW + s.close * DAY).toISOString().slice(0, 10),
                forecastCategory: s.category,
              },
            ),
          );
          const t = dealTable(deals, STAGES);
          const f = forecastByPeriod(t, { ...base, method });
          const placed =
            f.rows.reduce((n, r) => n + r.openDeals, 0) +
            f.overdue.deals +
            f.noCloseDate.deals +
            f.beyond.deals +
            f.omitted.deals;
          expect(placed).toBe(openDealsAt(t, NOW));
          for (const r of f.rows) {
            expect(r.weighted).toBeLessThanOrEqual(r.closedWon + r.commit + r.bestCase + r.pipeline + 1);
            expect(r.weighted).toBeGreaterThanOrEqual(r.closedWon);
          }
        },
      ),
    );
  });

  it('keeps a track record: the forecast made on each period’s first day, for it, against what was won', () => {
    const feb = periodsFrom('2026-02-01', 'month', 1, 'utc');
    const t = dealTable(
      [
        // Open on Feb 1 in demo (40 %), expected in February, won on Feb 20.
        deal(
          'a',
          [
            ['demo', noon('2026-01-10')],
            ['won', noon('2026-02-20')],
          ],
          { amount: 10_000, expectedClose: '2026-02-20' },
        ),
        // Open on Feb 1 in closing (80 %), expected in February, lost.
        deal(
          'b',
          [
            ['closing', noon('2026-01-15')],
            ['lost', noon('2026-02-25')],
          ],
          { amount: 5_000, expectedClose: '2026-02-25' },
        ),
        // Created after Feb 1 and won in February: not in the forecast, in what was won.
        deal(
          'c',
          [
            ['closing', noon('2026-02-05')],
            ['won', noon('2026-02-10')],
          ],
          { amount: 2_000, expectedClose: '2026-02-10' },
        ),
      ],
      STAGES,
    );
    const record = trackRecord(t, feb, { method: 'configured', currency: 'USD', bantWeights: EVEN });
    expect(record.rows).toEqual([
      {
        key: '2026-02',
        asOf: feb[0]!.start,
        forecast: 4_000 + 4_000,
        committed: 5_000,
        actual: 12_000,
        errorPct: -(4_000 / 12_000) * 100,
      },
    ]);
    expect(record.meanAbsErrorPct).toBeCloseTo(100 / 3, 10);
  });
});

describe('data quality', () => {
  it('counts every open deal with a problem and lists the worst first, as many as asked', () => {
    const t = dealTable(
      [
        deal('fine', [['demo', NOW]], { amount: 1, expectedClose: '2026-03-15' }),
        deal('both', [['demo', NOW]], { title: 'Zeta' }),
        deal('past', [['demo', NOW]], { amount: 1, expectedClose: '2026-03-14' }),
        deal('later', [['demo', NOW]], { expectedClose: '2026-05-01' }),
        deal('euro', [['demo', NOW]], { amount: 1, currency: 'EUR', expectedClose: '2026-06-01' }),
        deal('closed', [
          ['demo', NOW],
          ['lost', NOW + 1],
        ]),
      ],
      STAGES,
    );
    const q = dataQuality(t, { today: '2026-03-15', currency: 'USD', limit: 3 });
    expect(q.openDeals).toBe(5);
    expect(q.counts).toEqual({ 'no-amount': 2, 'no-close-date': 1, 'close-date-past': 1, 'other-currency': 1 });
    expect(q.total).toBe(4);
    expect(q.items.map((i) => [i.dealId, i.issues])).toEqual([
      ['both', ['no-amount', 'no-close-date']],
      ['past', ['close-date-past']],
      ['later', ['no-amount']],
    ]);
  });
});
