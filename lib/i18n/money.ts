import { intlLocale } from './index';

// ISO 4217 minor-unit exponents that are not 2. Stored amounts use these, never Intl's display digits (which
// differ between ICU versions: IDR shows 0 decimals in some, 2 in others), so a stored amount means the same
// thing in every browser.
const ZERO = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF';
const THREE = 'BHD IQD JOD KWD LYD OMR TND';
const exponents = new Map<string, number>([
  ...ZERO.split(' ').map((c): [string, number] => [c, 0]),
  ...THREE.split(' ').map((c): [string, number] => [c, 3]),
]);

/** Minor-unit digits of a currency in storage (ISO 4217): 2 for USD and IDR, 0 for JPY. */
export function currencyDigits(currency: string): number {
  return exponents.get(currency) ?? 2;
}

export function toMinor(major: number, currency: string): number {
  return Math.round(major * 10 ** currencyDigits(currency));
}

// Formatters by locale and options: making an Intl formatter costs far more than formatting with one, and a
// board draws hundreds of numbers and dates at a time.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const locale = intlLocale();
  const key = `${locale}|${JSON.stringify(opts)}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, opts);
    numberFormats.set(key, f);
  }
  return f;
}

/** An amount in minor units, formatted for the current locale. `compact` for tight spaces (board headers). */
export function formatMoney(minor: number, currency: string, opts: { compact?: boolean } = {}): string {
  const major = minor / 10 ** currencyDigits(currency);
  return numberFormat({
    style: 'currency',
    currency,
    ...(opts.compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
  }).format(major);
}

export function formatDate(ms: number): string {
  const locale = intlLocale();
  let f = dateFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    dateFormats.set(locale, f);
  }
  return f.format(ms);
}

/** A calendar day (`YYYY-MM-DD`) formatted for the current locale, read as a local date (no UTC shift). */
export function formatIsoDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return formatDate(new Date(y, m - 1, d).getTime());
}

export function formatNumber(n: number, opts: Intl.NumberFormatOptions = {}): string {
  return numberFormat(opts).format(n);
}

/**
 * Makes the current locale's formatters for dates and for amounts in `currency` now, before the first are written:
 * the popup does it while it waits for its first screen's data.
 */
export function prepareFormats(currency: string): void {
  formatMoney(0, currency);
  formatDate(0);
}
