import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mean, median, medianInPlace, ratio } from '@/lib/forecast/statistics';

describe('statistics', () => {
  it('takes the median of odd and even counts without touching the input', () => {
    const values = [30, 10, 20];
    expect(median(values)).toBe(20);
    expect(values).toEqual([30, 10, 20]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([5, 5, 5, 1])).toBe(5);
  });

  it('agrees with sorting, for any numbers', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 }), (xs) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const mid = sorted.length >> 1;
        const expected = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
        expect(medianInPlace(Float64Array.from(xs))).toBeCloseTo(expected, 9);
      }),
    );
  });

  it('means and ratios are unknown, not zero, for nothing', () => {
    expect(mean([1, 2, 6])).toBe(3);
    expect(mean([])).toBeNull();
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(0, 0)).toBeNull();
  });
});
