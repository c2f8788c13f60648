import { getLocale, intlLocale, type Locale } from '../i18n';

const DAY = 86_400_000;
// One formatter per locale, made once: making one loads the locale's data, and cost the popup's first render about
// a millisecond each time it wrote "3 days ago" (npm run bench -- popup-open).
const relative = new Map<Locale, Intl.RelativeTimeFormat>();

function relativeFormat(locale: Locale): Intl.RelativeTimeFormat {
  let f = relative.get(locale);
  if (!f) {
    f = new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'auto' });
    relative.set(locale, f);
  }
  return f;
}

/** "3 days ago", "in 2 days", "today", "kemarin"… in the current locale, by calendar day. */
export function relativeDay(at: number, now: number): string {
  const startOfDay = (ms: number) => {
    const d = new Date(ms);
    return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  };
  const days = Math.round((startOfDay(at) - startOfDay(now)) / DAY);
  const rtf = relativeFormat(getLocale());
  if (Math.abs(days) < 14) return rtf.format(days, 'day');
  if (Math.abs(days) < 60) return rtf.format(Math.round(days / 7), 'week');
  if (Math.abs(days) < 730) return rtf.format(Math.round(days / 30), 'month');
  return rtf.format(Math.round(days / 365), 'year');
}

/** Makes the current locale's formatter now: the popup does it while it waits for its first screen's data. */
export function prepareRelativeDays(): void {
  relativeFormat(getLocale());
}
