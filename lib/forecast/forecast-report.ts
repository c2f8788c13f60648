import type { BantWeights, Owner, Quota, Stage } from '../model';
import { type AccuracyRow, forecastAccuracy } from './accuracy';
import { dayKey, type Period, periodsFrom, type Zone } from './calendar';
import { type DataQuality, dataQuality } from './data-quality';
import type { DealTable } from './deal-table';
import { type ForecastByPeriod, forecastByPeriod } from './forecast-by-period';
import { type OpenPipeline, openPipeline } from './open-pipeline';
import { ownerNames, tableForOwner } from './owner-filter';
import {
  learnedStageRates,
  MIN_LEARNING_SAMPLE,
  type ProbabilityMethod,
  probabilityOf,
  type StageRate,
} from './probability-methods';
import { type QuotaReport, quotaAttainment } from './quota-attainment';

export type ForecastGrain = 'month' | 'quarter';

export interface ForecastParams {
  /** The instant the forecast is made at: now, or a past instant to see what it said then. */
  asOf: number;
  now: number;
  zone: Zone;
  grain: ForecastGrain;
  /** Periods shown, the first one containing `asOf`. */
  horizon: number;
  method: ProbabilityMethod;
  currency: string;
  bantWeights: BantWeights;
  minSample?: number;
  /** Past periods in the track record (computed apart: accuracy.ts trackRecord, the worker's second answer). */
  trackRecordPeriods?: number;
  /** How many data-quality problems to list (all are counted). */
  qualityLimit?: number;
  /** Only this owner's deals, or those of any of a list ("My deals"), by name or alias; null or absent: everyone's. */
  owner?: string | readonly string[] | null;
}

/** The team: its owners list and quotas, as the database holds them (the worker reads them with the deals). */
export interface TeamContext {
  owners: Owner[];
  quotas: Quota[];
}

export interface ForecastReport {
  stages: Stage[];
  asOfDay: string;
  today: string;
  periods: Period[];
  forecast: ForecastByPeriod;
  /** Every open deal weighted by the method, per stage as the board's headers show it. */
  pipeline: OpenPipeline;
  /** Per open stage, in order: configured and learned rates as of `asOf`. */
  rates: StageRate[];
  minSample: number;
  /** For the shown periods that have ended since `asOf`: what the forecast said next to what was won. */
  accuracy: AccuracyRow[];
  /** Today's open deals with missing or stale data (today's, not as of `asOf`: that is what there is to fix). */
  quality: DataQuality;
  deals: number;
  /** Every owner the deals name, for the owner filter. */
  owners: string[];
  /** The owner shown (null: everyone). */
  owner: string | readonly string[] | null;
  /** Quota attainment, gap and coverage per owner and for the team, for the first period shown. */
  quota: QuotaReport;
}

/** Everything the forecast view shows, from the deal table. */
export function forecastReport(
  all: DealTable,
  p: ForecastParams,
  team: TeamContext = { owners: [], quotas: [] },
): ForecastReport {
  const minSample = p.minSample ?? MIN_LEARNING_SAMPLE;
  const owner = p.owner ?? null;
  const t = tableForOwner(all, owner, team.owners);
  const asOfDay = dayKey(p.asOf, p.zone);
  const today = dayKey(p.now, p.zone);
  const periods = periodsFrom(asOfDay, p.grain, p.horizon, p.zone);
  // Rates are learned from the whole team's history: one rep's few deals are too thin to learn from, and the
  // board weighs every column by the team's rates.
  const rates = learnedStageRates(all, { asOf: p.asOf, minSample });
  const probability = probabilityOf(t, { method: p.method, rates, bantWeights: p.bantWeights });
  const allProbability =
    owner === null ? probability : probabilityOf(all, { method: p.method, rates, bantWeights: p.bantWeights });
  const opts = { method: p.method, currency: p.currency, bantWeights: p.bantWeights, minSample };
  const ended = periods.filter((x) => x.end <= p.now);
  return {
    stages: t.stages,
    asOfDay,
    today,
    periods,
    forecast: forecastByPeriod(t, { ...opts, asOf: p.asOf, periods, rates }),
    pipeline: openPipeline(t, probability, p.currency, p.asOf),
    rates: rates.filter((r) => r !== undefined),
    minSample,
    accuracy: forecastAccuracy(t, p.asOf, ended, opts),
    quality: dataQuality(t, { today, currency: p.currency, limit: p.qualityLimit }),
    deals: t.n,
    owners: ownerNames(all, team.owners),
    owner,
    quota: quotaAttainment(all, {
      period: periods[0]!,
      asOf: p.asOf,
      owners: team.owners,
      quotas: team.quotas,
      currency: p.currency,
      probability: allProbability,
    }),
  };
}
