import type { Owner, Stage } from '../model';
import { addDays, DAY_MS, dayKey, dayStart, type Period, periodsCovering, type Zone } from './calendar';
import type { DealTable } from './deal-table';
import { type Bottleneck, findBottleneck } from './kpi/bottleneck';
import { capturesPerWeek } from './kpi/captures-per-week';
import { firstDealOfContact, newProspectsBySource, type ProspectsBySource } from './kpi/new-prospects';
import { type DateRange, inRange } from './kpi/range';
import { type SalesCycle, salesCycle } from './kpi/sales-cycle';
import { openDealsAt, salesVelocity } from './kpi/sales-velocity';
import { type StageDwell, stageDwell } from './kpi/stage-dwell';
import { type StageFunnel, stageFunnel } from './kpi/stage-funnel';
import { type WinRate, winRate } from './kpi/win-rate';
import { dealSpan, type WonInPeriod, wonByPeriod } from './kpi/won-by-period';
import { averageWonDealSize, type WonDealSize } from './kpi/won-deal-size';
import { ownerNames, tableForOwner } from './owner-filter';

export interface AnalyticsParams {
  /** First and last day of the range, both included, `YYYY-MM-DD` in the zone. */
  firstDay: string;
  lastDay: string;
  now: number;
  zone: Zone;
  currency: string;
  minStageSample?: number;
  stuckLimit?: number;
  /** Only this owner's deals, or those of any of a list ("My deals"), by name or alias; null or absent: everyone's. */
  owner?: string | readonly string[] | null;
}

/** The headline KPIs of a range: shown for the range, and for the one just before it to compare. */
export interface HeadlineKpis {
  range: DateRange;
  winRate: WinRate;
  wonSize: WonDealSize;
  cycle: SalesCycle;
  openDeals: number;
  velocity: number | null;
  newProspects: number;
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
  /** The same headline KPIs for the period of the same length just before the range. */
  previous: HeadlineKpis;
  /** Won value by month and by quarter of the range, exact. */
  wonByMonth: WonInPeriod[];
  quarters: Period[];
  wonByQuarter: WonInPeriod[];
  /** When the shown deals were first and last created or closed (all of them, whatever the range); null: none. */
  span: { first: string; last: string } | null;
  /** Every owner the deals name, for the owner filter, and the owner shown (null: everyone). */
  owners: string[];
  owner: string | readonly string[] | null;
}

/** Win rate, won deal size, cycle, open deals and velocity for a range: the deal KPIs both periods show. */
function dealKpis(t: DealTable, range: DateRange, now: number, currency: string) {
  const rate = winRate(t, range);
  const wonSize = averageWonDealSize(t, range, currency);
  const cycle = salesCycle(t, range);
  const openDeals = openDealsAt(t, Math.min(range.end - 1, now));
  const velocity = salesVelocity({
    openDeals,
    winRate: rate.rate,
    averageWonSize: wonSize.average,
    averageCycleDays: cycle.meanDays,
  });
  return { range, winRate: rate, wonSize, cycle, openDeals, velocity };
}

function headline(t: DealTable, range: DateRange, now: number, currency: string): HeadlineKpis {
  const first = firstDealOfContact(t);
  let newProspects = 0;
  for (let i = 0; i < t.n; i++) if (first[i] && inRange(t.createdAt[i]!, range)) newProspects++;
  return { ...dealKpis(t, range, now, currency), newProspects };
}

/** Every pipeline KPI for a range of days, from the deal table. */
export function analyticsReport(all: DealTable, p: AnalyticsParams, owners: readonly Owner[] = []): AnalyticsReport {
  const owner = p.owner ?? null;
  const t = tableForOwner(all, owner, owners);
  const range: DateRange = { start: dayStart(p.firstDay, p.zone), end: dayStart(addDays(p.lastDay, 1), p.zone) };
  // The period of the same length just before: as many days, ending the day before the range starts.
  const days = Math.round((range.end - range.start) / DAY_MS);
  const before: DateRange = { start: dayStart(addDays(p.firstDay, -days), p.zone), end: range.start };
  const quarters = periodsCovering(p.firstDay, p.lastDay, 'quarter', p.zone);
  const span = dealSpan(t);
  const funnel = stageFunnel(t, range);
  const dwell = stageDwell(t, range);
  const months = periodsCovering(p.firstDay, p.lastDay, 'month', p.zone);
  const weeks = periodsCovering(p.firstDay, p.lastDay, 'week', p.zone);
  return {
    stages: t.stages,
    ...dealKpis(t, range, p.now, p.currency),
    funnel,
    dwell,
    bottleneck: findBottleneck(funnel.rows, dwell, t, p.now, { minSample: p.minStageSample, limit: p.stuckLimit }),
    months,
    prospects: newProspectsBySource(t, range, months),
    weeks,
    captures: capturesPerWeek(t, range, weeks),
    deals: t.n,
    previous: headline(t, before, p.now, p.currency),
    wonByMonth: wonByPeriod(t, range, months, p.currency),
    quarters,
    wonByQuarter: wonByPeriod(t, range, quarters, p.currency),
    span: span && { first: dayKey(span.first, p.zone), last: dayKey(span.last, p.zone) },
    owners: ownerNames(all, owners),
    owner,
  };
}
