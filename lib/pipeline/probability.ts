import type { Deal, ForecastCategory, Stage } from '../model';

/** The deal's win probability: its own override, else its stage's configured one. Closed deals: 1 or 0. */
export function dealProbability(
  deal: Pick<Deal, 'probability' | 'outcome'>,
  stage: Pick<Stage, 'probability'> | undefined,
): number {
  if (deal.outcome === 'won') return 1;
  if (deal.outcome === 'lost') return 0;
  return deal.probability ?? stage?.probability ?? 0;
}

/** The deal's forecast category: its override, else its stage's default. */
export function dealCategory(
  deal: Pick<Deal, 'forecastCategory' | 'outcome'>,
  stage: Pick<Stage, 'forecastCategory'> | undefined,
): ForecastCategory {
  if (deal.outcome === 'won') return 'closed';
  if (deal.outcome === 'lost') return 'omitted';
  return deal.forecastCategory ?? stage?.forecastCategory ?? 'pipeline';
}

/** Days the deal has been in its current stage at `now`. */
export function daysInStage(deal: Pick<Deal, 'stageEntries' | 'createdAt'>, now: number): number {
  const entered = deal.stageEntries.at(-1)?.at ?? deal.createdAt;
  return Math.max(0, Math.floor((now - entered) / 86_400_000));
}
