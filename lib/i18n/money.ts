import { getLocale } from './index';

const intlLocale = { en: 'en-US', id: 'id-ID' } as const;
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

/** An amount in minor units, formatted for the current locale. `compact` for tight spaces (board headers). */
export function formatMoney(minor: number, currency: string, opts: { compact?: boolean } = {}): string {
  const major = minor / 10 ** currencyDigits(currency);
  return new Intl.NumberFormat(intlLocale[getLocale()], {
    style: 'currency',
    currency,
    ...(opts.compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
  }).format(major);
}

export function formatDate(ms: number): string {
  return new Intl.DateTimeFormat(intlLocale[getLocale()], { dateStyle: 'medium' }).format(ms);
}

export function formatNumber(n: number, opts: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(intlLocale[getLocale()], opts).format(n);
}
