import type { Bant, BantWeights } from '../model';
// Not '../model': that loads zod, and the popup scores BANT on its open path.
import { BANT_KEYS, type BantKey } from '../model/bant-keys';

export const BANT_MAX_LEVEL = 3;

/**
 * The BANT score, 0–100: each part's level (0 unknown … 3 strong) as a share of the strongest, weighted by the
 * rep's weights and normalised so the weights need not add up to 100. Suggested (unconfirmed) levels count:
 * they are evidence, and the popup marks them as suggestions until the rep confirms. All-zero weights → 0.
 */
export function scoreBant(bant: Bant, weights: BantWeights): number {
  let total = 0;
  let weightSum = 0;
  for (const key of BANT_KEYS) {
    total += (bant[key].level / BANT_MAX_LEVEL) * weights[key];
    weightSum += weights[key];
  }
  return weightSum > 0 ? Math.round((total / weightSum) * 100) : 0;
}

/** How many of the four parts the rep has confirmed (the rest are suggestions from evidence, or unknown). */
export function confirmedParts(bant: Bant): number {
  return BANT_KEYS.filter((k) => bant[k].confirmed && bant[k].level > 0).length;
}

/** Each part's contribution to the score (same rule as scoreBant), for showing the four parts. */
export function bantParts(bant: Bant, weights: BantWeights): Record<BantKey, number> {
  const weightSum = BANT_KEYS.reduce((s, k) => s + weights[k], 0) || 1;
  return Object.fromEntries(
    BANT_KEYS.map((k) => [k, Math.round(((bant[k].level / BANT_MAX_LEVEL) * weights[k] * 100) / weightSum)]),
  ) as Record<BantKey, number>;
}
