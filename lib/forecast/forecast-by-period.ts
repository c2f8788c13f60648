import type { BantWeights } from '../model';
import { dealCategory } from '../pipeline/probability';
import { newState, stateAt } from './as-of';
import { type Period, periodIndexAt } from './calendar';
import { CATEGORIES, currencyCode, type DealTable, dayNumber, LOST, OPEN } from './deal-table';
import {
  learnedStageRates,
  MIN_LEARNING_SAMPLE,
  type ProbabilityContext,
  type ProbabilityMethod,
  probabilityOf,
  type StageRate,
} from './probability-methods';

/** Amounts in integer minor units of the forecast's currency. */
export interface ForecastAmounts {
  /** Won deals closed in the period (as of the forecast date). */
  closedWon: number;
  /** Open deals expected to close in the period, by forecast category ('closed' on an open deal counts as commit). */
  commit: number;
  bestCase: number;
  pipeline: number;
  /** closedWon + Σ open amount × probability (commit, best case, pipeline; omitted deals left out). */
  weighted: number;
  /** Deals counted (with or without an amount). */
  openDeals: number;
  wonDeals: number;
  /** Deals counted here whose amount is unknown: in the counts, not in the sums (and listed under data quality). */
  unknownAmount: number;
}

export interface ForecastRow extends ForecastAmounts {
  key: string;
}

/** Open deals that fall outside the periods' rows, shown beside them so nothing is dropped silently. */
export interface ForecastBucket {
  deals: number;
  amount: number;
  weighted: number;
  unknownAmount: number;
}

export interface ForecastByPeriod {
  rows: ForecastRow[];
  totals: ForecastAmounts;
  /** Open, with an expected close before the first period. */
  overdue: ForecastBucket;
  /** Open, with no expected close date. */
  noCloseDate: ForecastBucket;
  /** Open, expected to close after the last period. */
  beyond: ForecastBucket;
  /** Open deals in the horizon the rep marked 'omitted': not in the categories or the weighted sum. */
  omitted: ForecastBucket;
  /** Deals (open, or won in the horizon) in another currency: counted, not summed (no exchange rates offline). */
  otherCurrency: number;
}

export interface ForecastOptions {
  /** The instant the forecast is made at: deals are taken as they stood then. */
  asOf: number;
  periods: readonly Period[];
  method: ProbabilityMethod;
  currency: string;
  bantWeights: BantWeights;
  minSample?: number;
  /** Learned rates for `asOf`, when the caller already has them. */
  rates?: readonly (StageRate | undefined)[];
}

export const emptyAmounts = (): ForecastAmounts => ({
  closedWon: 0,
  commit: 0,
  bestCase: 0,
  pipeline: 0,
  weighted: 0,
  openDeals: 0,
  wonDeals: 0,
  unknownAmount: 0,
});
const emptyBucket = (): ForecastBucket => ({ deals: 0, amount: 0, weighted: 0, unknownAmount: 0 });

function addTo(bucket: ForecastBucket, amount: number, p: number) {
  bucket.deals++;
  if (Number.isNaN(amount)) bucket.unknownAmount++;
  else {
    bucket.amount += amount;
    bucket.weighted += amount * p;
  }
}

/**
 * The forecast by period of expected close: for each period, what was won in it and what is open and expected
 * to close in it, by forecast category, and the weighted amount. Deals are taken as they stood at `asOf`.
 * Weighted sums are rounded to whole minor units once per row.
 */
export function forecastByPeriod(t: DealTable, opts: ForecastOptions): ForecastByPeriod {
  const ctx: ProbabilityContext = {
    method: opts.method,
    rates:
      opts.rates ??
      (opts.method === 'configured'
        ? []
        : learnedStageRates(t, { asOf: opts.asOf, minSample: opts.minSample ?? MIN_LEARNING_SAMPLE })),
    bantWeights: opts.bantWeights,
  };
  const probability = probabilityOf(t, ctx);
  // Each stage's category for an open deal without an override, and each override's, computed once.
  const stageCategory = t.stages.map((s) => dealCategory({ forecastCategory: null, outcome: null }, s));
  const unknownStageCategory = dealCategory({ forecastCategory: null, outcome: null }, undefined);
  const periods = opts.periods;
  const rows: ForecastRow[] = periods.map((p) => ({ key: p.key, ...emptyAmounts() }));
  const result: ForecastByPeriod = {
    rows,
    totals: emptyAmounts(),
    overdue: emptyBucket(),
    noCloseDate: emptyBucket(),
    beyond: emptyBucket(),
    omitted: emptyBucket(),
    otherCurrency: 0,
  };
  const starts = periods.map((p) => dayNumber(p.startDay));
  const firstDay = starts[0] ?? 0;
  const endDay = periods.length ? dayNumber(periods.at(-1)!.endDay) : 0;
  const currency = currencyCode(t, opts.currency);
  const s = newState();
  for (let i = 0; i < t.n; i++) {
    if (!stateAt(t, i, opts.asOf, s) || s.outcome === LOST) continue;
    const amount = t.amount[i]!;
    if (s.outcome !== OPEN) {
      const r = periodIndexAt(periods, s.closedAt);
      if (r < 0) continue;
      if (t.currency[i] !== currency) {
        result.otherCurrency++;
        continue;
      }
      const row = rows[r]!;
      row.wonDeals++;
      if (Number.isNaN(amount)) row.unknownAmount++;
      else {
        row.closedWon += amount;
        row.weighted += amount;
      }
      continue;
    }
    if (t.currency[i] !== currency) {
      result.otherCurrency++;
      continue;
    }
    const p = probability(i, s.stage);
    const close = t.expectedClose[i]!;
    if (close === 0) {
      addTo(result.noCloseDate, amount, p);
      continue;
    }
    if (close < firstDay) {
      addTo(result.overdue, amount, p);
      continue;
    }
    if (close >= endDay) {
      addTo(result.beyond, amount, p);
      continue;
    }
    let r = starts.length - 1;
    while (starts[r]! > close) r--;
    const override = t.category[i]!;
    const category =
      override >= 0 ? CATEGORIES[override]! : s.stage >= 0 ? stageCategory[s.stage]! : unknownStageCategory;
    if (category === 'omitted') {
      addTo(result.omitted, amount, p);
      continue;
    }
    const row = rows[r]!;
    row.openDeals++;
    if (Number.isNaN(amount)) {
      row.unknownAmount++;
      continue;
    }
    if (category === 'commit' || category === 'closed') row.commit += amount;
    else if (category === 'best_case') row.bestCase += amount;
    else row.pipeline += amount;
    row.weighted += amount * p;
  }
  for (const bucket of [result.overdue, result.noCloseDate, result.beyond, result.omitted])
    bucket.weighted = Math.round(bucket.weighted);
  for (const row of rows) {
    row.weighted = Math.round(row.weighted);
    for (const k of Object.keys(result.totals) as (keyof ForecastAmounts)[]) result.totals[k] += row[k];
  }
  return result;
}
