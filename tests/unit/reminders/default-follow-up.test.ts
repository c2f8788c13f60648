import { afterEach, describe, expect, it } from 'vitest';
import { defaultFollowUp } from '@/lib/reminders/default-follow-up';

const zone = process.env.TZ;
afterEach(() => {
  process.env.TZ = zone;
});

describe('a new follow-up’s default', () => {
  it('is N calendar days later at 9:00 local time, across a daylight-saving change', () => {
    process.env.TZ = 'Europe/Berlin';
    // Saturday 28 March 2026, 23:30; clocks go forward on the 29th, so three days are 71 hours here.
    const due = new Date(defaultFollowUp(new Date(2026, 2, 28, 23, 30).getTime(), 3));
    expect([due.getFullYear(), due.getMonth(), due.getDate(), due.getHours(), due.getMinutes()]).toEqual([
      2026, 2, 31, 9, 0,
    ]);
  });

  it('is today at 9:00 for zero days', () => {
    process.env.TZ = 'Asia/Jakarta';
    const due = new Date(defaultFollowUp(new Date(2026, 6, 1, 14, 5).getTime(), 0));
    expect([due.getDate(), due.getHours()]).toEqual([1, 9]);
  });
});
