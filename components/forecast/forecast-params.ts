import { addDays, dayKey, dayStart } from '@/lib/forecast/calendar';
import type { ForecastGrain } from '@/lib/forecast/forecast-report';
import { type OwnerScope, scopeFromParams } from '@/lib/pipeline/owner-scope';

export const HORIZONS: Record<ForecastGrain, number[]> = { month: [3, 6, 12], quarter: [2, 4, 8] };

export interface ForecastChoice {
  grain: ForecastGrain;
  horizon: number;
  /** The past day chosen, or null for today. */
  asOfDay: string | null;
  /** The instant the forecast is made at: the end of the chosen day, or now. */
  asOf: number;
  /** My deals, or the team's (everyone's or one owner's). */
  scope: OwnerScope;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The forecast view's URL parameters (#forecast?grain=quarter&horizon=4&asOf=2026-06-30); the method
 * is the manager's one setting (settings.forecastMethod), not a parameter of the view, checked. */
export function readForecastParams(params: URLSearchParams, now: number): ForecastChoice {
  const grain: ForecastGrain = params.get('grain') === 'quarter' ? 'quarter' : 'month';
  const horizon = Number(params.get('horizon'));
  const today = dayKey(now, 'local');
  const day = params.get('asOf') ?? '';
  const asOfDay = DAY.test(day) && day < today ? day : null;
  return {
    grain,
    horizon: HORIZONS[grain].includes(horizon) ? horizon : HORIZONS[grain][1]!,
    asOfDay,
    asOf: asOfDay ? dayStart(addDays(asOfDay, 1), 'local') - 1 : now,
    scope: scopeFromParams(params),
  };
}
