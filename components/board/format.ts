import { getLocale, intlLocale } from '@/lib/i18n';
import { currencyDigits, formatMoney } from '@/lib/i18n/money';

const formats = new Map<string, Intl.DateTimeFormat>();
/**
 * One formatter per locale and style, made on first use and reused: a board draws a follow-up date on every card,
 * and building an Intl formatter costs far more than using one (the key is a fixed name, not the options).
 */
function format(name: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = intlLocale();
  const key = `${locale}:${name}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formats.set(key, f);
  }
  return f;
}

/** "28 Nov" / "Nov 28": a date on a card, where space is short (the year only when it is not this year's). */
export function formatShortDate(ms: number, now = Date.now()): string {
  const sameYear = new Date(ms).getFullYear() === new Date(now).getFullYear();
  return (
    sameYear ? format('day-month', { month: 'short', day: 'numeric' }) : format('medium', { dateStyle: 'medium' })
  ).format(ms);
}

/**
 * The whole date, weekday included ("Tue, Dec 2, 2025" / "Sel, 2 Des 2025"): a follow-up on a card, where the
 * rep must see the date itself, in either language, never cut short.
 */
export function formatFullDate(ms: number): string {
  return format('full', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(ms);
}

/** Date and time, for follow-ups and the timeline. */
export function formatDateTime(ms: number): string {
  return format('date-time', { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * formatMoney (lib/i18n/money.ts), with the Intl formatter kept per locale and currency: a board draws a
 * hundred amounts per frame, and building a formatter costs far more than using one. A whole amount is shown
 * without cents ("$48,000", not "$48,000.00"): cents that are all zero are noise on a card.
 */
export function formatAmount(minor: number, currency: string, compact = false): string {
  const locale = getLocale();
  const major = minor / 10 ** currencyDigits(currency);
  const whole = !compact && Number.isInteger(major);
  const key = `${locale}:${currency}:${compact}:${whole}`;
  let f = moneyFormats.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(intlLocale(locale), {
        style: 'currency',
        currency,
        ...(compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
        ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
      });
    } catch {
      return formatMoney(minor, currency, { compact });
    }
    moneyFormats.set(key, f);
  }
  return f.format(major);
}
