import { getLocale } from '../i18n';

const DAY = 86_400_000;
const intlLocale = { en: 'en-US', id: 'id-ID' } as const;

/** "3 days ago", "in 2 days", "today", "kemarin"… in the current locale, by calendar day. */
export function relativeDay(at: number, now: number): string {
  const startOfDay = (ms: number) => {
    const d = new Date(ms);
    return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  };
  const days = Math.round((startOfDay(at) - startOfDay(now)) / DAY);
  const rtf = new Intl.RelativeTimeFormat(intlLocale[getLocale()], { numeric: 'auto' });
  if (Math.abs(days) < 14) return rtf.format(days, 'day');
  if (Math.abs(days) < 60) return rtf.format(Math.round(days / 7), 'week');
  if (Math.abs(days) < 730) return rtf.format(Math.round(days / 30), 'month');
  return rtf.format(Math.round(days / 365), 'year');
}

/** A calendar day (`YYYY-MM-DD`) formatted for the current locale, read as a local date (no UTC shift). */
export function formatIsoDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(intlLocale[getLocale()], { dateStyle: 'medium' }).format(new Date(y, m - 1, d));
}
