import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProspectorDb } from '@/lib/db/database';
import { dealIndexRow, toBoardDeal } from '@/lib/db/deal-index';
import { applyRow, emptyTotals, type StageTotalsRow, totalsFromRows } from '@/lib/db/stage-totals';
import type { Deal } from '@/lib/model';
import { columnTotals, totalsFromStored } from '@/lib/pipeline/board-columns';
import { freshDb } from '../helpers';
import { makeDeal } from './factory';

const STAGES = ['prospecting', 'demo', 'won', 'lost'];
/** The column the header tests read: an open stage at 40%. */
const DEMO_STAGE = {
  id: 'demo',
  name: 'Demo',
  order: 1,
  probability: 0.4,
  kind: 'open' as const,
  forecastCategory: 'pipeline' as const,
  color: '#888',
};

/** Stored totals, comparable: stages without deals left out, sums by currency, weighted sums to 6 places. */
function comparable(rows: Iterable<StageTotalsRow>) {
  return [...rows]
    .filter((r) => r.count !== 0)
    .sort((a, b) => a.stageId.localeCompare(b.stageId))
    .map((r) => ({
      ...r,
      sums: r.sums
        .map((s) => ({ ...s, own: Math.round(s.own * 1e6) / 1e6 }))
        .sort((a, b) => a.currency.localeCompare(b.currency)),
    }));
}

async function expectConsistent(db: ProspectorDb) {
  expect(comparable(await db.stageTotals.toArray())).toEqual(
    comparable(totalsFromRows(await db.dealIndex.toArray()).values()),
  );
}

type DealShape = {
  id: string;
  stageId: string;
  amount: number | null;
  currency: string;
  probability: number | null;
  deleted: boolean;
};
const dealArb: fc.Arbitrary<DealShape> = fc.record({
  id: fc.constantFrom('d1', 'd2', 'd3', 'd4', 'd5', 'd6'),
  stageId: fc.constantFrom(...STAGES),
  amount: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
  currency: fc.constantFrom('USD', 'IDR'),
  probability: fc.option(fc.constantFrom(0, 0.25, 0.5, 0.9), { nil: null }),
  deleted: fc.boolean(),
});

type Op =
  | { kind: 'put'; deals: DealShape[] }
  | { kind: 'update'; id: string; stageId: string; amount: number | null }
  | { kind: 'modify'; from: string; to: string }
  | { kind: 'delete'; ids: string[] }
  | { kind: 'clear' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.array(dealArb, { minLength: 1, maxLength: 4 }).map((deals) => ({ kind: 'put' as const, deals })),
  },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.constantFrom('d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'none'), { minLength: 1, maxLength: 3 })
      .map((ids) => ({ kind: 'delete' as const, ids })),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('update' as const),
      id: fc.constantFrom('d1', 'd2', 'd3'),
      stageId: fc.constantFrom(...STAGES),
      amount: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('modify' as const),
      from: fc.constantFrom(...STAGES),
      to: fc.constantFrom(...STAGES),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'clear' as const }) },
);

function toDeal(d: DealShape): Deal {
  const outcome = d.stageId === 'won' ? 'won' : d.stageId === 'lost' ? 'lost' : null;
  return makeDeal(d.id, `c-${d.id}`, d.stageId, {
    amount: d.amount,
    currency: d.currency,
    probability: d.probability,
    outcome,
    closedAt: outcome ? 1 : null,
    deletedAt: d.deleted ? 1 : null,
  });
}

describe('stage totals (the board headers’ sums, kept on every write)', () => {
  it('always equal the totals worked out from the board rows, whatever writes came before', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 12 }), async (ops) => {
        const db = await freshDb();
        for (const op of ops) {
          if (op.kind === 'put') await db.deals.bulkPut(op.deals.map(toDeal));
          else if (op.kind === 'update') await db.deals.update(op.id, { stageId: op.stageId, amount: op.amount });
          else if (op.kind === 'modify') await db.deals.where('stageId').equals(op.from).modify({ stageId: op.to });
          else if (op.kind === 'delete') await db.deals.bulkDelete(op.ids);
          else await db.deals.clear();
          await expectConsistent(db);
        }
        db.close();
      }),
      { numRuns: 40 },
    );
    // Forty fresh databases: slow on a loaded two-core machine; nothing here is timed.
  }, 60_000);

  it('never hold a weighted sum below zero from rounding (a header would read "-$0")', () => {
    const row = (id: string, amount: number, probability: number | null) =>
      dealIndexRow(makeDeal(id, `c-${id}`, 'demo', { amount, probability }));
    let totals = emptyTotals('demo');
    for (const r of [row('keep', 5, null), row('a', 9, 0.9), row('b', 2032, 0.5)]) totals = applyRow(totals, r, 1);
    // 8.1 + 1016 - 1016 - 8.1 is -9.1e-14 in floating point.
    totals = applyRow(totals, row('b', 2032, 0.5), -1);
    totals = applyRow(totals, row('a', 9, 0.9), -1);
    const usd = totals.sums.find((s) => s.currency === 'USD')!;
    expect(Object.is(usd.own, 0)).toBe(true);
    expect(usd).toMatchObject({ deals: 1, total: 5, plain: 5 });
    // A database written before this still holds the hair below zero: its header reads "$0" all the same.
    const old = { ...totals, sums: [{ currency: 'USD', deals: 1, total: 0, own: -9.1e-14, plain: 0 }] };
    const [sum] = totalsFromStored(old, DEMO_STAGE, 'USD').sums;
    expect(Object.is(sum!.weighted, 0)).toBe(true);
    expect(new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(sum!.weighted)).toBe('$0.00');
  });

  it('give a column’s header exactly what the column’s deals give', async () => {
    const db = await freshDb();
    const deals = [
      makeDeal('a', 'c1', 'demo', { amount: 10_000, currency: 'IDR' }),
      makeDeal('b', 'c2', 'demo', { amount: 333, currency: 'IDR', probability: 0.35 }),
      makeDeal('c', 'c3', 'demo', { amount: 1_999, currency: 'USD' }),
      makeDeal('d', 'c4', 'demo', { amount: null }),
      makeDeal('e', 'c5', 'demo', { amount: 50, deletedAt: 5 }),
    ];
    await db.deals.bulkAdd(deals);
    await db.deals.update('c', { stageId: 'prospecting' });
    await db.deals.update('c', { stageId: 'demo' });
    const live = (await db.deals.toArray()).filter((d) => d.deletedAt === null && d.stageId === 'demo');
    const fromDeals = columnTotals(live.map(toBoardDeal), DEMO_STAGE, 'IDR');
    expect(fromDeals).toMatchObject({ count: 4, unknown: 1 });
    expect(totalsFromStored((await db.stageTotals.get('demo'))!, DEMO_STAGE, 'IDR')).toEqual(fromDeals);
    // Nothing stored for a stage no deal is in: an empty header.
    expect(totalsFromStored(undefined, { ...DEMO_STAGE, id: 'closing' }, 'IDR')).toEqual({
      count: 0,
      sums: [],
      unknown: 0,
    });
    expect(dealIndexRow(deals[4]!).e).toBeUndefined();
  });
});
