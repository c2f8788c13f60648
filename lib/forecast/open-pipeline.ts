import { newState, stateAt } from './as-of';
import { currencyCode, type DealTable, OPEN } from './deal-table';

export interface StageWeighted {
  stageId: string;
  deals: number;
  /** Σ known amounts in the currency (minor units). */
  total: number;
  /** Σ amount × probability, rounded once per stage: what the board's column header shows. */
  weighted: number;
}

export interface OpenPipeline {
  /** Open stages in pipeline order. */
  stages: StageWeighted[];
  total: number;
  weighted: number;
}

/**
 * The open pipeline at `asOf` in one currency, weighted by the manager's method and rounded per stage exactly as
 * the board's column headers are (lib/pipeline/board-columns.ts), so the board's weighted amounts add up to the
 * figure the forecast shows: one weighted number everywhere. Every open deal counts, whatever its close date.
 */
export function openPipeline(
  t: DealTable,
  probability: (i: number, stage: number) => number,
  currency: string,
  asOf: number,
): OpenPipeline {
  const code = currencyCode(t, currency);
  const deals = new Int32Array(t.stages.length);
  const total = new Float64Array(t.stages.length);
  const weighted = new Float64Array(t.stages.length);
  const s = newState();
  for (let i = 0; i < t.n; i++) {
    if (t.currency[i] !== code || !stateAt(t, i, asOf, s) || s.outcome !== OPEN || s.stage < 0) continue;
    deals[s.stage]!++;
    const amount = t.amount[i]!;
    if (Number.isNaN(amount)) continue;
    total[s.stage]! += amount;
    weighted[s.stage]! += amount * probability(i, s.stage);
  }
  const stages = t.stages.flatMap((stage, k) =>
    stage.kind === 'open'
      ? [{ stageId: stage.id, deals: deals[k]!, total: total[k]!, weighted: Math.round(weighted[k]!) }]
      : [],
  );
  return {
    stages,
    total: stages.reduce((sum, x) => sum + x.total, 0),
    weighted: stages.reduce((sum, x) => sum + x.weighted, 0),
  };
}
