import type { BantWeights } from '../model';
import { type TrackRecord, trackRecord } from './accuracy';
import type { Period } from './calendar';
import type { DealTable } from './deal-table';
import { forecastByPeriod } from './forecast-by-period';
import { PROBABILITY_METHODS, type ProbabilityMethod, type StageRate } from './probability-methods';

/** One way of weighing the pipeline, side by side with the others: what it says now and how it has done here. */
export interface MethodScore {
  method: ProbabilityMethod;
  /** Its weighted forecast over the periods shown (minor units). */
  weighted: number;
  /** Its forecast made on the first day of each past period, against what was won in it. */
  record: TrackRecord;
}

export interface MethodComparison {
  scores: MethodScore[];
  /** The method with the lowest mean error here; null when no period could be checked. Ties: the earlier method. */
  mostAccurate: ProbabilityMethod | null;
}

export interface ComparisonOptions {
  asOf: number;
  /** The periods shown (the forecast). */
  periods: readonly Period[];
  /** Past periods to check each method on (the track record). */
  past: readonly Period[];
  currency: string;
  bantWeights: BantWeights;
  minSample?: number;
  /** Learned rates at `asOf`, when the caller has them. */
  rates?: readonly (StageRate | undefined)[];
}

/**
 * Every probability method's forecast for the periods shown, and its track record over the past periods where
 * something was won (a period with nothing won cannot be scored: an error relative to zero means nothing).
 */
export function compareMethods(t: DealTable, opts: ComparisonOptions): MethodComparison {
  const scores = PROBABILITY_METHODS.map((method): MethodScore => {
    const common = { method, currency: opts.currency, bantWeights: opts.bantWeights, minSample: opts.minSample };
    const now = forecastByPeriod(t, { ...common, asOf: opts.asOf, periods: opts.periods, rates: opts.rates });
    return { method, weighted: now.totals.weighted, record: trackRecord(t, opts.past, common) };
  });
  return { scores, mostAccurate: mostAccurate(scores) };
}

export function mostAccurate(scores: readonly MethodScore[]): ProbabilityMethod | null {
  let best: MethodScore | undefined;
  for (const s of scores) {
    const e = s.record.meanAbsErrorPct;
    if (e !== null && (best === undefined || e < best.record.meanAbsErrorPct!)) best = s;
  }
  return best?.method ?? null;
}
