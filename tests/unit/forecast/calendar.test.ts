import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays,
  dayKey,
  dayStart,
  periodIndexAt,
  periodOf,
  periodsBefore,
  periodsCovering,
  periodsFrom,
} from '@/lib/forecast/calendar';
import { dayNumber } from '@/lib/forecast/deal-table';

describe('calendar periods', () => {
  it('finds the month, quarter and Monday-first week of a day', () => {
    expect(periodOf('2026-11-29', 'month', 'utc')).toMatchObject({
      key: '2026-11',
      startDay: '2026-11-01',
      endDay: '2026-12-01',
      start: Date.UTC(2026, 10, 1),
      end: Date.UTC(2026, 11, 1),
    });
    expect(periodOf('2026-12-31', 'quarter', 'utc')).toMatchObject({
      key: '2026-Q4',
      startDay: '2026-10-01',
      endDay: '2027-01-01',
    });
    // 2026-11-29 is a Sunday: its week began on Monday the 23rd.
    expect(periodOf('2026-11-29', 'week', 'utc')).toMatchObject({ key: '2026-11-23', endDay: '2026-11-30' });
    expect(periodOf('2026-11-30', 'week', 'utc').key).toBe('2026-11-30');
  });

  it('lists periods forward, backward and over a range', () => {
    expect(periodsFrom('2026-11-15', 'month', 3, 'utc').map((p) => p.key)).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(periodsFrom('2026-11-15', 'quarter', 2, 'utc').map((p) => p.key)).toEqual(['2026-Q4', '2027-Q1']);
    expect(periodsBefore('2026-01-10', 'month', 2, 'utc').map((p) => p.key)).toEqual(['2025-11', '2025-12']);
    expect(periodsCovering('2026-01-30', '2026-03-01', 'month', 'utc').map((p) => p.key)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(periodsCovering('2026-02-01', '2026-02-01', 'week', 'utc').map((p) => p.key)).toEqual(['2026-01-26']);
  });

  it('buckets instants and days, outside → -1', () => {
    const months = periodsFrom('2026-01-01', 'month', 3, 'utc');
    expect(periodIndexAt(months, Date.UTC(2026, 0, 1))).toBe(0);
    expect(periodIndexAt(months, Date.UTC(2026, 1, 1) - 1)).toBe(0);
    expect(periodIndexAt(months, Date.UTC(2026, 2, 31, 23))).toBe(2);
    expect(periodIndexAt(months, Date.UTC(2026, 3, 1))).toBe(-1);
    expect(periodIndexAt(months, Date.UTC(2025, 11, 31))).toBe(-1);
    expect(periodIndexAt(months, Number.NaN)).toBe(-1);
  });

  it('does day arithmetic across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(dayNumber('2026-11-29')).toBe(20261129);
    expect(dayKey(Date.UTC(2026, 10, 29, 23, 59), 'utc')).toBe('2026-11-29');
  });
});

describe('the local zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it("starts a day at the rep's own midnight (Jakarta, UTC+7)", () => {
    process.env.TZ = 'Asia/Jakarta';
    expect(dayStart('2026-11-29', 'local')).toBe(Date.UTC(2026, 10, 28, 17));
    // 20:00 UTC on the 29th is already the 30th in Jakarta.
    expect(dayKey(Date.UTC(2026, 10, 29, 20), 'local')).toBe('2026-11-30');
    expect(periodOf('2026-11-30', 'month', 'local').start).toBe(Date.UTC(2026, 9, 31, 17));
  });

  it('keeps whole days across a daylight-saving change (New York, March 2026)', () => {
    process.env.TZ = 'America/New_York';
    const week = periodOf('2026-03-09', 'week', 'local'); // Mon Mar 9; DST began on Sun Mar 8
    expect(week.key).toBe('2026-03-09');
    expect(dayKey(week.start, 'local')).toBe('2026-03-09');
    expect(dayKey(week.end, 'local')).toBe('2026-03-16');
  });
});
