import { describe, expect, it } from 'vitest';
import type { Bant } from '@/lib/model';
import { bantParts, confirmedParts, scoreBant } from '@/lib/pipeline/bant';
import { daysInStage, dealCategory, dealProbability } from '@/lib/pipeline/probability';

const part = (level: number) => ({ level, note: '', confirmed: true });
const bant = (b: number, a: number, n: number, t: number): Bant => ({
  budget: part(b),
  authority: part(a),
  need: part(n),
  timeline: part(t),
});
const even = { budget: 25, authority: 25, need: 25, timeline: 25 };

describe('scoreBant', () => {
  it('is 0 with nothing known and 100 with everything strong', () => {
    expect(scoreBant(bant(0, 0, 0, 0), even)).toBe(0);
    expect(scoreBant(bant(3, 3, 3, 3), even)).toBe(100);
  });
  it('weights the parts and normalises weights that do not add to 100', () => {
    expect(scoreBant(bant(3, 0, 0, 0), even)).toBe(25);
    expect(scoreBant(bant(3, 0, 0, 0), { budget: 1, authority: 1, need: 0, timeline: 0 })).toBe(50);
    expect(scoreBant(bant(2, 1, 3, 0), { budget: 40, authority: 30, need: 20, timeline: 10 })).toBe(
      Math.round((2 / 3) * 40 + (1 / 3) * 30 + 20),
    );
    expect(scoreBant(bant(3, 3, 3, 3), { budget: 0, authority: 0, need: 0, timeline: 0 })).toBe(0);
    expect(bantParts(bant(3, 0, 3, 0), even)).toEqual({ budget: 25, authority: 0, need: 25, timeline: 0 });
  });
});

describe('deal probability and category', () => {
  const stage = { probability: 0.4, forecastCategory: 'best_case' as const };
  it('uses the override, else the stage, and closed outcomes', () => {
    expect(dealProbability({ probability: null, outcome: null }, stage)).toBe(0.4);
    expect(dealProbability({ probability: 0.9, outcome: null }, stage)).toBe(0.9);
    expect(dealProbability({ probability: 0.9, outcome: 'lost' }, stage)).toBe(0);
    expect(dealCategory({ forecastCategory: 'commit', outcome: null }, stage)).toBe('commit');
    expect(dealCategory({ forecastCategory: null, outcome: null }, stage)).toBe('best_case');
    expect(dealCategory({ forecastCategory: null, outcome: 'won' }, stage)).toBe('closed');
  });
  it('counts whole days in the current stage', () => {
    const entered = Date.UTC(2026, 0, 1);
    expect(
      daysInStage({ stageEntries: [{ stageId: 'a', at: entered }], createdAt: entered }, entered + 3.5 * 86_400_000),
    ).toBe(3);
  });
});

describe('confirmedParts', () => {
  it('counts the parts the rep confirmed, not suggestions or unknowns', () => {
    const suggested = { level: 2, note: '', confirmed: false };
    expect(confirmedParts(bant(0, 0, 0, 0))).toBe(0);
    expect(confirmedParts({ ...bant(2, 0, 3, 0), authority: suggested })).toBe(2);
    expect(confirmedParts(bant(1, 1, 1, 1))).toBe(4);
  });
});
