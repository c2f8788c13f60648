import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { formatIsoDay } from '@/lib/i18n/money';
import { prepareRelativeDays, relativeDay } from '@/lib/popup/relative-time';

const DAY = 86_400_000;
const now = new Date(2026, 11, 5, 10).getTime();

afterEach(() => setLocale('en'));

describe('relativeDay and formatIsoDay', () => {
  it('write in the locale in use, also after switching (formatters are kept per locale)', () => {
    setLocale('en');
    prepareRelativeDays();
    expect(relativeDay(now - DAY, now)).toBe('yesterday');
    expect(relativeDay(now + 3 * DAY, now)).toBe('in 3 days');
    expect(formatIsoDay('2026-12-31')).toBe('Dec 31, 2026');
    setLocale('id');
    expect(relativeDay(now - DAY, now)).toBe('kemarin');
    expect(relativeDay(now - 21 * DAY, now)).toBe('3 minggu yang lalu');
    expect(formatIsoDay('2026-12-31')).toBe('31 Des 2026');
    setLocale('en');
    expect(relativeDay(now - DAY, now)).toBe('yesterday');
  });

  it('reads a calendar day as a local date, never shifted a day by the time zone', () => {
    expect(formatIsoDay('2026-01-01')).toBe('Jan 1, 2026');
  });
});
