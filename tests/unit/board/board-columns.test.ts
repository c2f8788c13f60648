import { describe, expect, it } from 'vitest';
import { toBoardDeal } from '@/lib/db/deal-index';
import type { Stage } from '@/lib/model';
import { adjacentStage, columnTotals, movedBoardDeal, withPendingMoves } from '@/lib/pipeline/board-columns';
import { AT, makeDeal } from './factory';

const demo: Stage = {
  id: 'demo',
  name: 'Demo',
  order: 1,
  probability: 0.4,
  kind: 'open',
  forecastCategory: 'best_case',
  color: '#00897b',
};
const stages: Stage[] = [{ ...demo, id: 'lead', order: 0 }, demo, { ...demo, id: 'won', order: 2, kind: 'won' }];

describe('board columns', () => {
  it('totals and weights per currency, rep’s currency first, unknown amounts counted apart', () => {
    const deals = [
      makeDeal('a', 'c', 'demo', { amount: 10_000, currency: 'USD' }),
      makeDeal('b', 'c', 'demo', { amount: 5_000, currency: 'USD', probability: 0.9 }),
      makeDeal('c', 'c', 'demo', { amount: 100_000, currency: 'EUR' }),
      makeDeal('d', 'c', 'demo', { amount: null }),
      makeDeal('e', 'c', 'demo', { amount: 20_000, currency: 'IDR' }),
    ];
    expect(columnTotals(deals.map(toBoardDeal), demo, 'IDR')).toEqual({
      count: 5,
      unknown: 1,
      sums: [
        { currency: 'IDR', total: 20_000, weighted: 8_000 },
        { currency: 'EUR', total: 100_000, weighted: 40_000 },
        { currency: 'USD', total: 15_000, weighted: 4_000 + 4_500 },
      ],
    });
    expect(columnTotals([], demo, 'USD')).toEqual({ count: 0, sums: [], unknown: 0 });
  });

  it('shows moves in flight at once: out of the old column, into the new', () => {
    const a = toBoardDeal(makeDeal('a', 'c', 'lead'));
    const b = toBoardDeal(makeDeal('b', 'c', 'lead'));
    const moved = movedBoardDeal(a, demo, AT + 1);
    expect(moved).toMatchObject({ stageId: 'demo', enteredAt: AT + 1, outcome: null });
    expect(movedBoardDeal(a, stages[2]!, AT).outcome).toBe('won');
    const pending = new Map([['a', { deal: moved, from: 'lead' }]]);
    const days = {
      sort: 'days' as const,
      ctx: { now: AT, weights: { budget: 25, authority: 25, need: 25, timeline: 25 } },
    };
    expect(withPendingMoves('lead', [a, b], pending, days).map((d) => d.id)).toEqual(['b']);
    expect(withPendingMoves('demo', [], pending, days).map((d) => d.id)).toEqual(['a']);
    // Once the live data has it too, it appears once, as the pending version.
    expect(withPendingMoves('demo', [{ ...a, stageId: 'demo' }], pending, days)).toEqual([pending.get('a')!.deal]);
    const column = [a, b];
    expect(withPendingMoves('lead', column, new Map(), days)).toBe(column);
    // A deal moving in takes its place in the column's order (here: longest in the stage first), no sort needed.
    const early = toBoardDeal(makeDeal('x', 'c', 'demo', { stageEntries: [{ stageId: 'demo', at: AT - 10 }] }));
    const late = toBoardDeal(makeDeal('z', 'c', 'demo', { stageEntries: [{ stageId: 'demo', at: AT + 10 }] }));
    const movedIn = new Map([['a', { deal: { ...moved, enteredAt: AT }, from: 'lead' }]]);
    expect(withPendingMoves('demo', [early, late], movedIn, days).map((d) => d.id)).toEqual(['x', 'a', 'z']);
    // …unless the column's filters leave it out.
    expect(
      withPendingMoves('demo', [early, late], movedIn, { ...days, matches: (d) => d.id !== 'a' }).map((d) => d.id),
    ).toEqual(['x', 'z']);
  });

  it('finds the neighbouring stage for keyboard moves', () => {
    expect(adjacentStage(stages, 'demo', 1)?.id).toBe('won');
    expect(adjacentStage(stages, 'demo', -1)?.id).toBe('lead');
    expect(adjacentStage(stages, 'lead', -1)).toBeUndefined();
    expect(adjacentStage(stages, 'nope', 1)).toBeUndefined();
  });
});

describe('board state patches', () => {
  it('moves a changed deal between loaded columns, replacing only the columns that changed', async () => {
    const { boardStateFrom, patchBoard } = await import('@/lib/pipeline/board-columns');
    const a = toBoardDeal(makeDeal('a', 'c', 'lead'));
    const b = toBoardDeal(makeDeal('b', 'c', 'lead'));
    const c = toBoardDeal(makeDeal('c', 'c', 'demo'));
    const state = boardStateFrom(
      new Map([
        ['lead', [a, b]],
        ['demo', [c]],
        ['proposal', []],
      ]),
    );
    const moved = patchBoard(state, [{ id: 'a', deal: { ...a, stageId: 'demo' } }]);
    expect(moved.byStage.get('lead')?.map((d) => d.id)).toEqual(['b']);
    expect(moved.byStage.get('demo')?.map((d) => d.id)).toEqual(['c', 'a']);
    expect(moved.byStage.get('proposal')).toBe(state.byStage.get('proposal'));
    expect(moved.stageOf.get('a')).toBe('demo');
    // Into a column that is not loaded (collapsed Won): it just leaves its column.
    const won = patchBoard(moved, [{ id: 'b', deal: { ...b, stageId: 'won' } }]);
    expect(won.byStage.get('lead')).toEqual([]);
    expect(won.byStage.has('won')).toBe(false);
    expect(won.stageOf.has('b')).toBe(false);
    // Deleted, and a new deal appearing; an update in place keeps the order of the others.
    const next = patchBoard(won, [
      { id: 'c', deal: undefined },
      { id: 'n', deal: toBoardDeal(makeDeal('n', 'c', 'proposal')) },
      { id: 'a', deal: { ...a, stageId: 'demo', amount: 5 } },
    ]);
    expect(next.byStage.get('demo')).toEqual([{ ...a, stageId: 'demo', amount: 5 }]);
    expect(next.byStage.get('proposal')?.map((d) => d.id)).toEqual(['n']);
    expect(patchBoard(next, [])).toBe(next);
  });
});
