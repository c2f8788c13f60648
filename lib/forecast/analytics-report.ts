import type { Stage } from '../model';
import { addDays, dayStart, type Period, periodsCovering, type Zone } from './calendar';
import type { DealTable } from './deal-table';
import { type Bottleneck, findBottleneck } from './kpi/bottleneck';
import { capturesPerWeek } from './kpi/captures-per-week';
import { newProspectsBySource, type ProspectsBySource } from './kpi/new-prospects';
import type { DateRange } from './kpi/range';
import { type SalesCycle, salesCycle } from './kpi/sales-cycle';
import { openDealsAt, salesVelocity } from './kpi/sales-velocity';
import { type StageDwell, stageDwell } from './kpi/stage-dwell';
import { type StageFunnel, stageFunnel } from './kpi/stage-funnel';
import { type WinRate, winRate } from './kpi/win-rate';
import { averageWonDealSize, type WonDealSize } from './kpi/won-deal-size';

export interface AnalyticsParams {
  /** First and last day of the range, both included, `YYYY-MM-DD` in the zone. */
  firstDay: string;
  lastDay: string;
  now: number;
  zone: Zone;
  currency: string;
  minStageSample?: number;
  stuckLimit?: number;
}

export interface AnalyticsReport {
  stages: Stage[];
  range: DateRange;
  winRate: WinRate;
  wonSize: WonDealSize;
  cycle: SalesCycle;
  /** Deals open at the end of the range (now, if the range runs on past today). */
  openDeals: number;
  /** Minor units per day; null when a part is unknown. */
  velocity: number | null;
  funnel: StageFunnel;
  dwell: StageDwell[];
  bottleneck: Bottleneck | null;
  months: Period[];
  prospects: ProspectsBySource;
  weeks: Period[];
  captures: { key: string; count: number }[];
  deals: number;
}

/** Every pipeline KPI for a range of days, from the deal table. */
export function analyticsReport(t: DealTable, p: AnalyticsParams): AnalyticsReport {
  const range: DateRange = { start: dayStart(p.firstDay, p.zone), end: dayStart(addDays(p.lastDay, 1), p.zone) };
  const rate = winRate(t, range);
  const wonSize = averageWonDealSize(t, range, p.currency);
  const cycle = salesCycle(t, range);
  const openDeals = openDealsAt(t, Math.min(range.end - 1, p.now));
  const funnel = stageFunnel(t, range);
  const dwell = stageDwell(t, range);
  const months = periodsCovering(p.firstDay, p.lastDay, 'month', p.zone);
  const weeks = periodsCovering(p.firstDay, p.lastDay, 'week', p.zone);
  return {
    stages: t.stages,
    range,
    winRate: rate,
    wonSize,
    cycle,
    openDeals,
    velocity: salesVelocity({
      openDeals,
      winRate: rate.rate,
      averageWonSize: wonSize.average,
      averageCycleDays: cycle.meanDays,
    }),
    funnel,
    dwell,
    bottleneck: findBottleneck(funnel.rows, dwell, t, p.now, { minSample: p.minStageSample, limit: p.stuckLimit }),
    months,
    prospects: newProspectsBySource(t, range, months),
    weeks,
    captures: capturesPerWeek(t, range, weeks),
    deals: t.n,
  };
}
