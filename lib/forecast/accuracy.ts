import type { BantWeights } from '../model';
import { type Period, periodIndexAt } from './calendar';
import { currencyCode, type DealTable, WON } from './deal-table';
import { forecastByPeriod } from './forecast-by-period';
import type { ProbabilityMethod } from './probability-methods';
import { mean } from './statistics';

export interface AccuracyRow {
  key: string;
  /** When the forecast was made. */
  asOf: number;
  /** What it said: the weighted amount for the period. */
  forecast: number;
  /** What it called firm: closed won by then + commit. */
  committed: number;
  /** What was actually won in the period, by today's records. */
  actual: number;
  /** (forecast − actual) ÷ actual × 100; null when nothing was won (a percentage of zero means nothing). */
  errorPct: number | null;
}

export interface AccuracyOptions {
  method: ProbabilityMethod;
  currency: string;
  bantWeights: BantWeights;
  minSample?: number;
}

/** Amount won in each period by today's records, in the currency (known amounts). */
export function actualWon(t: DealTable, periods: readonly Period[], currency: string): number[] {
  const won = periods.map(() => 0);
  const code = currencyCode(t, currency);
  for (let i = 0; i < t.n; i++) {
    if (t.outcome[i] !== WON || t.currency[i] !== code || Number.isNaN(t.amount[i]!)) continue;
    const r = periodIndexAt(periods, t.closedAt[i]!);
    if (r >= 0) won[r]! += t.amount[i]!;
  }
  return won;
}

export function errorPct(forecast: number, actual: number): number | null {
  return actual === 0 ? null : ((forecast - actual) / actual) * 100;
}

/** What the forecast made at `asOf` said for each of `periods` (periods since ended), next to what was won. */
export function forecastAccuracy(
  t: DealTable,
  asOf: number,
  periods: readonly Period[],
  opts: AccuracyOptions,
): AccuracyRow[] {
  if (!periods.length) return [];
  const said = forecastByPeriod(t, { ...opts, asOf, periods });
  const won = actualWon(t, periods, opts.currency);
  return periods.map((p, i) => {
    const row = said.rows[i]!;
    return {
      key: p.key,
      asOf,
      forecast: row.weighted,
      committed: row.closedWon + row.commit,
      actual: won[i]!,
      errorPct: errorPct(row.weighted, won[i]!),
    };
  });
}

export interface TrackRecord {
  rows: AccuracyRow[];
  /** Mean of |error %| over the periods in which something was won; null if none. */
  meanAbsErrorPct: number | null;
}

/** The forecast's track record: for each past period, the forecast made on its first day vs what was won in it. */
export function trackRecord(t: DealTable, periods: readonly Period[], opts: AccuracyOptions): TrackRecord {
  const rows = periods.flatMap((p) => forecastAccuracy(t, p.start, [p], opts));
  const errors = rows.flatMap((r) => (r.errorPct === null ? [] : [Math.abs(r.errorPct)]));
  return { rows, meanAbsErrorPct: mean(errors) };
}
