import { describe, expect, it } from 'vitest';
import { dealTable } from '@/lib/forecast/deal-table';
import {
  adjustOdds,
  bantAdjusted,
  bantOddsFactor,
  learnedStageRates,
  probabilityOf,
} from '@/lib/forecast/probability-methods';
import type { Bant } from '@/lib/model';
import { DAY, deal, EVEN, STAGES } from './factory';

const T0 = Date.UTC(2026, 0, 1);
const part = (level: number) => ({ level, note: '', confirmed: true });
const bant = (b: number, a: number, n: number, t: number): Bant => ({
  budget: part(b),
  authority: part(a),
  need: part(n),
  timeline: part(t),
});

describe('the BANT rule', () => {
  it('doubles the odds at 100, keeps them at 50, and leaves unassessed deals and certainties alone', () => {
    expect(bantOddsFactor(bant(3, 3, 3, 3), EVEN)).toBe(2);
    expect(bantAdjusted(0.5, bant(3, 3, 3, 3), EVEN)).toBeCloseTo(2 / 3, 12); // odds 1 → 2
    expect(bantAdjusted(0.2, bant(3, 3, 3, 3), EVEN)).toBeCloseTo(1 / 3, 12); // odds 1/4 → 1/2
    expect(bantAdjusted(0.4, bant(3, 3, 0, 0), EVEN)).toBeCloseTo(0.4, 12); // score 50
    expect(bantAdjusted(0.4, bant(0, 0, 0, 0), EVEN)).toBe(0.4); // nothing assessed
    expect(bantAdjusted(0, bant(3, 3, 3, 3), EVEN)).toBe(0);
    expect(bantAdjusted(1, bant(1, 0, 0, 0), EVEN)).toBe(1);
  });

  it('lowers a weak deal: one part weak (score 8) multiplies the odds by 2^(−0.84) ≈ 0.5586', () => {
    expect(bantOddsFactor(bant(1, 0, 0, 0), EVEN)).toBeCloseTo(0.5586, 4);
    expect(bantAdjusted(0.5, bant(1, 0, 0, 0), EVEN)).toBeCloseTo(0.5586 / 1.5586, 4); // ≈ 0.3584
    // Zero score with a part assessed (the rep weighs only Budget, and Budget is unknown): odds halved.
    const budgetOnly = { budget: 100, authority: 0, need: 0, timeline: 0 };
    expect(bantAdjusted(0.5, bant(0, 3, 0, 0), budgetOnly)).toBeCloseTo(1 / 3, 12);
    expect(adjustOdds(0.75, 1)).toBe(0.75);
  });
});

describe('learned stage rates', () => {
  const entries = (via: string[], end: string, at = T0): [string, number][] => [
    ...via.map((s, i): [string, number] => [s, at + i * DAY]),
    [end, at + via.length * DAY],
  ];
  const deals = [
    deal('w1', entries(['prospecting', 'qualification'], 'won')),
    deal('w2', entries(['prospecting', 'qualification', 'demo'], 'won')),
    deal('l1', entries(['prospecting', 'qualification'], 'lost')),
    deal('l2', entries(['prospecting'], 'lost')),
    // Visited qualification twice: counted once.
    deal('l3', entries(['prospecting', 'qualification', 'prospecting', 'qualification'], 'lost')),
    deal('open', [['qualification', T0]]),
    // Closed after the as-of date below: not known then.
    deal('late', entries(['prospecting'], 'won', T0 + 100 * DAY)),
  ];
  const t = dealTable(deals, STAGES);

  it('is the share won of the closed deals that were in the stage, above the minimum sample', () => {
    const rates = learnedStageRates(t, { asOf: T0 + 50 * DAY, minSample: 3 });
    expect(rates[0]).toMatchObject({
      stageId: 'prospecting',
      sample: 5,
      won: 2,
      learned: 0.4,
      used: 0.4,
      fallback: false,
    });
    // 'open' has sat in qualification 50 days, over 3 × its median finished stay (1 day): it counts as not won.
    expect(rates[2]).toMatchObject({ stageId: 'qualification', sample: 5, won: 2, stalled: 1, learned: 0.4 });
    expect(rates[3]).toMatchObject({ stageId: 'demo', sample: 1, won: 1, learned: 1, used: 0.4, fallback: true });
    expect(rates[6]).toBeUndefined(); // the won stage has no rate
    const later = learnedStageRates(t, { asOf: T0 + 200 * DAY, minSample: 3 });
    expect(later[0]).toMatchObject({ sample: 6, won: 3, learned: 0.5 });
  });

  it('picks each open deal’s probability by method; the deal’s own probability wins in all of them', () => {
    const rates = learnedStageRates(t, { asOf: T0 + 50 * DAY, minSample: 3 });
    const q = STAGES.findIndex((s) => s.id === 'qualification');
    const strong = dealTable(
      [
        deal('x', [['qualification', T0]], { bant: bant(3, 3, 3, 3) }),
        deal('y', [['qualification', T0]], { bant: bant(3, 3, 3, 3), probability: 0.9 }),
      ],
      STAGES,
    );
    const p = (method: 'configured' | 'learned' | 'bant', row: number) =>
      probabilityOf(strong, { method, rates, bantWeights: EVEN })(row, q);
    expect(p('configured', 0)).toBe(0.2);
    expect(p('learned', 0)).toBe(0.4);
    expect(p('bant', 0)).toBeCloseTo(4 / 7, 12); // odds 2/3 doubled: 4/3 → 4/7
    for (const m of ['configured', 'learned', 'bant'] as const) expect(p(m, 1)).toBe(0.9);
  });
});

describe('stalled deals in learned rates', () => {
  // Five finished stays of 10 days in prospecting (median 10: stalled after 30 days), all won.
  const won = [1, 2, 3, 4, 5].map((n) =>
    deal(`w${n}`, [
      ['prospecting', T0],
      ['qualification', T0 + 10 * DAY],
      ['won', T0 + 20 * DAY],
    ]),
  );
  const stuck = deal('stuck', [
    ['prospecting', T0],
    ['qualification', T0 + 10 * DAY],
    ['demo', T0 + 12 * DAY],
  ]);
  const young = deal('young', [['prospecting', T0 + 80 * DAY]]);
  const old = deal('old', [['prospecting', T0]]);
  const t = dealTable([...won, stuck, young, old], STAGES);

  it('counts a deal open past 3 × its stage’s median stay as not won, in every stage it went through', () => {
    const rates = learnedStageRates(t, { asOf: T0 + 100 * DAY, minSample: 1 });
    // 'old' has sat in prospecting 100 days (> 30): against prospecting. 'young' (20 days) does not count.
    // 'stuck' is in demo, which has no finished stay to judge by: it counts nowhere yet.
    expect(rates[0]).toMatchObject({ stageId: 'prospecting', sample: 6, won: 5, stalled: 1, stallDays: 30 });
    expect(rates[2]).toMatchObject({ stageId: 'qualification', sample: 5, won: 5, stalled: 0, stallDays: 30 });
    expect(rates[3]).toMatchObject({ stageId: 'demo', sample: 0, stallDays: null });
  });

  it('judges a stall as of the forecast date, not today', () => {
    const rates = learnedStageRates(t, { asOf: T0 + 25 * DAY, minSample: 1 });
    expect(rates[0]).toMatchObject({ sample: 5, stalled: 0 }); // 'old' had been there 25 days: not yet stalled
  });
});
