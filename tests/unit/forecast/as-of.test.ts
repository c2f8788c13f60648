import { describe, expect, it } from 'vitest';
import { newState, stateAt } from '@/lib/forecast/as-of';
import { dealTable, LOST, OPEN, WON } from '@/lib/forecast/deal-table';
import { DAY, deal, STAGES } from './factory';

const T0 = Date.UTC(2026, 0, 1);
const stage = (id: string) => STAGES.findIndex((s) => s.id === id);

describe('a deal as it stood at a past instant', () => {
  const deals = [
    deal('moving', [
      ['prospecting', T0],
      ['qualification', T0 + 10 * DAY],
      ['won', T0 + 20 * DAY],
    ]),
    // Won, reopened, then lost: each period shows what was true then.
    deal('reopened', [
      ['demo', T0],
      ['won', T0 + 5 * DAY],
      ['closing', T0 + 8 * DAY],
      ['lost', T0 + 12 * DAY],
    ]),
    // Imported closed deal whose history has no closing entry: its recorded close counts.
    deal('imported', [['prospecting', T0]], { outcome: 'won', closedAt: T0 + 3 * DAY, stageId: 'won' }),
    deal('gone-stage', [['retired-stage', T0]]),
  ];
  const t = dealTable(deals, STAGES);
  const at = (row: number, when: number) => {
    const s = newState();
    return stateAt(t, row, when, s) ? { ...s } : null;
  };

  it('does not exist before it was created', () => {
    expect(at(0, T0 - 1)).toBeNull();
  });

  it('is in the last stage it entered by then, closed once a won/lost stage is entered', () => {
    expect(at(0, T0)).toMatchObject({ stage: stage('prospecting'), outcome: OPEN });
    expect(at(0, T0 + 15 * DAY)).toMatchObject({ stage: stage('qualification'), enteredAt: T0 + 10 * DAY });
    expect(at(0, T0 + 20 * DAY)).toMatchObject({ stage: stage('won'), outcome: WON, closedAt: T0 + 20 * DAY });
  });

  it('follows a reopened deal through each state', () => {
    expect(at(1, T0 + 6 * DAY)).toMatchObject({ outcome: WON, closedAt: T0 + 5 * DAY });
    expect(at(1, T0 + 9 * DAY)).toMatchObject({ outcome: OPEN, stage: stage('closing') });
    expect(at(1, T0 + 30 * DAY)).toMatchObject({ outcome: LOST, closedAt: T0 + 12 * DAY });
  });

  it('uses the recorded close of a deal without a closing entry', () => {
    expect(at(2, T0 + 2 * DAY)).toMatchObject({ outcome: OPEN, stage: stage('prospecting') });
    expect(at(2, T0 + 3 * DAY)).toMatchObject({ outcome: WON, closedAt: T0 + 3 * DAY });
  });

  it('keeps a deal whose stage was removed, as open in an unknown stage', () => {
    expect(at(3, T0 + DAY)).toMatchObject({ stage: -1, outcome: OPEN });
  });
});

describe('the deal table', () => {
  it('leaves deleted deals out and marks unknowns', () => {
    const t = dealTable(
      [
        deal('a', [['prospecting', T0]], { amount: 500, expectedClose: '2026-02-03' }),
        deal('b', [['prospecting', T0]], { deletedAt: T0 + DAY }),
        deal('c', [['gone', T0]]),
      ],
      STAGES,
    );
    expect(t.n).toBe(2);
    expect(t.ids).toEqual(['a', 'c']);
    expect([t.amount[0], t.expectedClose[0], t.stage[1], t.expectedClose[1]]).toEqual([500, 20260203, -1, 0]);
    expect(Number.isNaN(t.amount[1]!)).toBe(true);
    expect(Number.isNaN(t.closedAt[0]!)).toBe(true);
  });
});
