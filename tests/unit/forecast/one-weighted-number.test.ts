// One weighted number everywhere: the board's column headers (lib/pipeline/board-columns.ts), given the stage
// rates the report worker sends them, add up to the forecast's open pipeline for every method.
import { describe, expect, it } from 'vitest';
import { toBoardDeal } from '@/lib/db/deal-index';
import { dealTable } from '@/lib/forecast/deal-table';
import { mostAccurate } from '@/lib/forecast/method-comparison';
import { openPipeline } from '@/lib/forecast/open-pipeline';
import { learnedStageRates, PROBABILITY_METHODS, probabilityOf } from '@/lib/forecast/probability-methods';
import type { Bant } from '@/lib/model';
import { columnTotals, type Weighing } from '@/lib/pipeline/board-columns';
import { DAY, deal, EVEN, STAGES } from './factory';

const T0 = Date.UTC(2026, 0, 1);
const NOW = T0 + 200 * DAY;
const part = (level: number) => ({ level, note: '', confirmed: true });
const bant = (b: number, a: number): Bant => ({
  budget: part(b),
  authority: part(a),
  need: part(0),
  timeline: part(0),
});

// History enough to learn from (20+ closed deals through prospecting and qualification), and open deals of
// every kind: plain, with their own probability, with BANT, without an amount, in another currency.
const history = Array.from({ length: 24 }, (_, k) =>
  deal(`h${k}`, [
    ['prospecting', T0 + k * DAY],
    ['qualification', T0 + (k + 5) * DAY],
    [k % 3 ? 'lost' : 'won', T0 + (k + 20) * DAY],
  ]),
);
const open = [
  deal('a', [['prospecting', NOW - DAY]], { amount: 1_000_03 }),
  deal('b', [['prospecting', NOW - 2 * DAY]], { amount: 2_333_33, bant: bant(3, 2) }),
  deal('c', [['qualification', NOW - DAY]], { amount: 5_000_00, probability: 0.9 }),
  deal('d', [['qualification', NOW - DAY]], { amount: 777_77, bant: bant(1, 0) }),
  deal('e', [['demo', NOW - DAY]], { amount: null }),
  deal('f', [['demo', NOW - DAY]], { amount: 4_000_00, currency: 'EUR' }),
  deal('g', [['closing', NOW - DAY]], { amount: 12_345_67 }),
];
const deals = [...history, ...open];

describe('one weighted number', () => {
  for (const method of PROBABILITY_METHODS) {
    it(`the board's headers add up to the forecast's open pipeline, weighted by ${method}`, () => {
      const t = dealTable(deals, STAGES);
      const rates = learnedStageRates(t, { asOf: NOW });
      const pipeline = openPipeline(t, probabilityOf(t, { method, rates, bantWeights: EVEN }), 'USD', NOW);
      // What the worker sends the board (lib/forecast/report.worker.ts, 'rates').
      const weighing: Weighing = {
        rates:
          method === 'configured'
            ? null
            : Object.fromEntries(rates.flatMap((r) => (r ? [[r.stageId, r.used] as const] : []))),
        bant: method === 'bant' ? EVEN : undefined,
      };
      let board = 0;
      for (const stage of STAGES.filter((s) => s.kind === 'open')) {
        const column = open.filter((d) => d.stageId === stage.id).map(toBoardDeal);
        board += columnTotals(column, stage, 'USD', weighing).sums.find((s) => s.currency === 'USD')?.weighted ?? 0;
      }
      expect(pipeline.weighted).toBeGreaterThan(0);
      expect(board).toBe(pipeline.weighted);
    });
  }

  it('learned rates differ from the configured ones here, so the methods are told apart', () => {
    const t = dealTable(deals, STAGES);
    const p = (method: (typeof PROBABILITY_METHODS)[number]) =>
      openPipeline(
        t,
        probabilityOf(t, { method, rates: learnedStageRates(t, { asOf: NOW }), bantWeights: EVEN }),
        'USD',
        NOW,
      ).weighted;
    expect(new Set(PROBABILITY_METHODS.map(p)).size).toBe(3);
  });

  it('names the method with the lowest mean error, and none when no period could be checked', () => {
    const score = (method: 'configured' | 'learned' | 'bant', e: number | null) => ({
      method,
      weighted: 0,
      record: { rows: [], meanAbsErrorPct: e },
    });
    expect(mostAccurate([score('configured', 40), score('learned', 12.5), score('bant', 30)])).toBe('learned');
    expect(mostAccurate([score('configured', 10), score('learned', 10), score('bant', null)])).toBe('configured');
    expect(mostAccurate([score('configured', null), score('learned', null), score('bant', null)])).toBeNull();
  });
});
