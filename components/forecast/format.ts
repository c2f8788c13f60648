import { intlLocale, t } from '@/lib/i18n';
import { formatMoney, formatNumber } from '@/lib/i18n/money';

/** '—' for an unknown figure: never shown as 0. */
export const UNKNOWN = '—';

export function percent(share: number | null, digits = 1): string {
  return share === null ? UNKNOWN : formatNumber(share, { style: 'percent', maximumFractionDigits: digits });
}

/** A signed percentage of error: +12.5 % means the forecast was above what happened. */
export function signedPercent(pct: number | null): string {
  return pct === null
    ? UNKNOWN
    : formatNumber(pct / 100, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });
}

export function days(value: number | null): string {
  return value === null ? UNKNOWN : t('forecast_days', formatNumber(value, { maximumFractionDigits: 1 }));
}

export function money(minor: number | null, currency: string, compact = false): string {
  return minor === null ? UNKNOWN : formatMoney(Math.round(minor), currency, { compact });
}

export function count(n: number): string {
  return formatNumber(n);
}

/**
 * '2026-11' → 'Nov 2026', '2026-Q4' → 'Q4 2026', '2026-11-23' (a week's Monday) → 'Nov 23, 2026' ('Nov 23' when
 * `short`, for a chart's axis).
 */
export function periodLabel(key: string, short = false): string {
  const locale = intlLocale();
  const quarter = /^(\d{4})-Q(\d)$/.exec(key);
  if (quarter) return t('forecast_quarterLabel', quarter[2]!, quarter[1]!);
  const [y, m, d] = key.split('-').map(Number);
  const date = new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    ...(d
      ? { day: 'numeric', month: 'short', ...(short ? {} : { year: 'numeric' }) }
      : { month: 'short', year: 'numeric' }),
  }).format(date);
}
