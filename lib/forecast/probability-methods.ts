import { unpackBant } from '../db/deal-index';
import type { Bant, BantWeights } from '../model';
// Not '../model': that loads zod, which the report worker does not need.
import { BANT_KEYS } from '../model/bant-keys';
import { scoreBant } from '../pipeline/bant';
import { dealProbability } from '../pipeline/probability';
import { newState, stateAt } from './as-of';
import { DAY_MS } from './calendar';
import { type DealTable, OPEN, WON } from './deal-table';
import { medianInPlace } from './statistics';

/**
 * How an open deal's win probability is chosen (the forecast view's selector):
 * - configured: the stage's configured probability;
 * - learned: the share of the rep's own closed deals that were in that stage and were won;
 * - bant: the learned probability moved by the deal's BANT score (see bantAdjusted).
 * In every method a probability the rep set on the deal itself wins: it is their explicit call.
 */
export const PROBABILITY_METHODS = ['configured', 'learned', 'bant'] as const;
export type ProbabilityMethod = (typeof PROBABILITY_METHODS)[number];

/** Closed deals a stage needs before its learned rate is trusted; below it the configured value is used. */
export const MIN_LEARNING_SAMPLE = 20;

export interface StageRate {
  stageId: string;
  configured: number;
  /** Deals that had been in the stage and are closed (won or lost), or stalled (see below). */
  sample: number;
  won: number;
  /** Of the sample, open deals stalled past their stage's usual time: counted as not won. */
  stalled: number;
  /** How long a deal may sit in this stage before it counts as stalled (days); null: too few finished stays. */
  stallDays: number | null;
  /** won ÷ sample, or null when there is no sample. */
  learned: number | null;
  /** The learned rate when sample ≥ the minimum, else the configured one. */
  used: number;
  /** True when history was too thin and `used` is the configured value. */
  fallback: boolean;
}

/** A deal open in a stage this many times longer than the stage's median finished stay counts as stalled. */
export const STALL_FACTOR = 3;
/** Finished stays a stage needs before its usual time (and so a stall) is judged. */
export const MIN_STALL_SAMPLE = 5;

/**
 * Per stage, how long an open deal may sit in it before it counts as stalled: STALL_FACTOR × the median of the
 * stays in it that had finished by `asOf` (moved on or closed). NaN for a stage with too few finished stays.
 */
export function stallThresholds(t: DealTable, asOf: number): Float64Array {
  const counts = new Int32Array(t.stages.length);
  const stageOf = new Int16Array(t.entryStage.length);
  const daysOf = new Float64Array(t.entryStage.length);
  let m = 0;
  for (let i = 0; i < t.n; i++) {
    const end = t.entryStart[i + 1]!;
    const closed = t.outcome[i] !== 0 && t.closedAt[i]! <= asOf ? t.closedAt[i]! : Number.NaN;
    for (let k = t.entryStart[i]!; k < end; k++) {
      const stage = t.entryStage[k]!;
      const at = t.entryAt[k]!;
      if (at > asOf) break;
      if (stage < 0 || t.openPosition[stage]! < 0) continue;
      const next = k + 1 < end ? t.entryAt[k + 1]! : closed;
      if (!(next >= at && next <= asOf)) continue;
      stageOf[m] = stage;
      daysOf[m++] = next - at;
      counts[stage]!++;
    }
  }
  const offset = new Int32Array(t.stages.length + 1);
  for (let s = 0; s < t.stages.length; s++) offset[s + 1] = offset[s]! + counts[s]!;
  const grouped = new Float64Array(m);
  const next = offset.slice(0, -1);
  for (let j = 0; j < m; j++) grouped[next[stageOf[j]!]!++] = daysOf[j]!;
  return Float64Array.from(t.stages, (_, s) => {
    if (counts[s]! < MIN_STALL_SAMPLE) return Number.NaN;
    return STALL_FACTOR * (medianInPlace(grouped.subarray(offset[s]!, offset[s + 1]!)) ?? Number.NaN);
  });
}

/**
 * For each open stage: of the deals that had been in it and were closed by `asOf`, the share that was won. A deal
 * still open but stalled (in its stage more than STALL_FACTOR × that stage's median stay, stallThresholds) counts
 * as not won in every stage it went through: learning from closed deals alone, a deal left for a year in an early
 * stage never counted against it, and early stages looked far likelier to win than they are. Only history known
 * at `asOf` counts, so a past forecast is rebuilt without hindsight. Indexed like t.stages (undefined for won/lost
 * stages).
 */
export function learnedStageRates(t: DealTable, opts: { asOf: number; minSample?: number }): (StageRate | undefined)[] {
  const minSample = opts.minSample ?? MIN_LEARNING_SAMPLE;
  const sample = new Int32Array(t.stages.length);
  const won = new Int32Array(t.stages.length);
  const stalled = new Int32Array(t.stages.length);
  const seen = new Int32Array(t.stages.length).fill(-1);
  const limit = stallThresholds(t, opts.asOf);
  const s = newState();
  for (let i = 0; i < t.n; i++) {
    if (!stateAt(t, i, opts.asOf, s)) continue;
    let until = s.closedAt;
    if (s.outcome === OPEN) {
      // Open: counts only once stalled, as a deal not won, up to now.
      if (s.stage < 0 || !(opts.asOf - s.enteredAt > limit[s.stage]!)) continue;
      until = opts.asOf;
    }
    const isWon = s.outcome === WON;
    for (let k = t.entryStart[i]!, end = t.entryStart[i + 1]!; k < end; k++) {
      if (t.entryAt[k]! > until) break;
      const stage = t.entryStage[k]!;
      if (stage < 0 || t.openPosition[stage]! < 0 || seen[stage] === i) continue;
      seen[stage] = i;
      sample[stage]!++;
      if (isWon) won[stage]!++;
      else if (s.outcome === OPEN) stalled[stage]!++;
    }
  }
  return t.stages.map((stage, i) => {
    if (stage.kind !== 'open') return undefined;
    const n = sample[i]!;
    const learned = n > 0 ? won[i]! / n : null;
    const fallback = n < minSample || learned === null;
    const stallMs = limit[i]!;
    return {
      stageId: stage.id,
      configured: stage.probability,
      sample: n,
      won: won[i]!,
      stalled: stalled[i]!,
      stallDays: Number.isNaN(stallMs) ? null : stallMs / DAY_MS,
      learned,
      used: fallback || learned === null ? stage.probability : learned,
      fallback,
    };
  });
}

/** How much a BANT score of 100 multiplies the odds of winning (and a score of 0 divides them). */
export const BANT_ODDS_FACTOR = 2;

/**
 * The BANT rule, part 1: the factor a deal's odds of winning are multiplied by, 2^((score − 50) ÷ 50). A score of
 * 50 leaves the odds alone, 100 doubles them, 0 halves them. A deal with no BANT part assessed (all unknown)
 * gets 1: unknown is not evidence against it.
 */
export function bantOddsFactor(bant: Bant, weights: BantWeights): number {
  if (BANT_KEYS.every((k) => bant[k].level === 0)) return 1;
  return BANT_ODDS_FACTOR ** ((scoreBant(bant, weights) - 50) / 50);
}

/** The BANT rule, part 2: p with its odds (p ÷ (1 − p)) multiplied by `factor`. Certainties (0, 1) stay. */
export function adjustOdds(p: number, factor: number): number {
  if (p <= 0 || p >= 1 || factor === 1) return p;
  const odds = (p / (1 - p)) * factor;
  return odds / (1 + odds);
}

/**
 * The BANT-adjusted probability: `p` (the learned one) with its odds moved by the deal's BANT score, as above.
 * Working on odds keeps the result between 0 and 1, and the order of deals by score is kept.
 */
export function bantAdjusted(p: number, bant: Bant, weights: BantWeights): number {
  return adjustOdds(p, bantOddsFactor(bant, weights));
}

const factorCache = new WeakMap<DealTable, { key: string; factors: Float64Array }>();

/** Every row's BANT odds factor for these weights (kept per table: it only changes when the weights do). */
export function bantFactors(t: DealTable, weights: BantWeights): Float64Array {
  const key = JSON.stringify(weights);
  const cached = factorCache.get(t);
  if (cached?.key === key) return cached.factors;
  // A factor depends on the four levels only: 256 combinations, worked out once, then one look-up per row.
  const byLevels = Float64Array.from({ length: 256 }, (_, b) => bantOddsFactor(unpackBant(b), weights));
  const factors = new Float64Array(t.n);
  for (let i = 0; i < t.n; i++) factors[i] = byLevels[t.bant[i]!]!;
  factorCache.set(t, { key, factors });
  return factors;
}

export interface ProbabilityContext {
  method: ProbabilityMethod;
  /** From learnedStageRates (read by the learned and bant methods). */
  rates: readonly (StageRate | undefined)[];
  bantWeights: BantWeights;
}

/**
 * Win probabilities for open deals by the chosen method, as a function of (row, stage index). The per-stage
 * values and per-deal BANT factors are worked out once, so the forecast's pass over every deal stays cheap.
 */
export function probabilityOf(t: DealTable, ctx: ProbabilityContext): (i: number, stage: number) => number {
  const unknownStage = dealProbability({ probability: null, outcome: null }, undefined);
  const byStage = Float64Array.from(t.stages, (s, i) => {
    const configured = dealProbability({ probability: null, outcome: null }, s);
    return ctx.method === 'configured' ? configured : (ctx.rates[i]?.used ?? configured);
  });
  const factors = ctx.method === 'bant' ? bantFactors(t, ctx.bantWeights) : undefined;
  const override = t.probability;
  return (i, stage) => {
    const own = override[i]!;
    if (!Number.isNaN(own)) return own; // the rep's own probability on the deal wins in every method
    const p = stage >= 0 ? byStage[stage]! : unknownStage;
    return factors ? adjustOdds(p, factors[i]!) : p;
  };
}
