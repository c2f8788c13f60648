import type { Owner, Quota } from '../model/owner';
import { newState, stateAt } from './as-of';
import { type Period, periodIndexAt, periodOf } from './calendar';
import { CATEGORIES, currencyCode, type DealTable, dayNumber, OPEN, WON } from './deal-table';
import { ownerCodes } from './owner-filter';

export interface Attainment {
  /** The owner's name; null for the team. */
  owner: string | null;
  /** The target for the period (minor units); null when none is set. */
  quota: number | null;
  /** Closed won in the period. */
  won: number;
  /** won ÷ quota; null without a quota. */
  attainment: number | null;
  /** What is left of the quota: quota − won, never below 0; null without a quota. */
  gap: number | null;
  /** Open deals expected to close in the period, weighted by the manager's method. */
  weightedOpen: number;
  /** weightedOpen ÷ gap: how many times the weighted pipeline covers what is left; null when no gap is left. */
  coverage: number | null;
}

export interface QuotaReport {
  period: Period;
  /** One row per owner in the list, then the team. */
  owners: Attainment[];
  team: Attainment;
  /** Quotas in another currency than the report's: not used (no exchange rates offline). */
  otherCurrency: number;
}

/**
 * A period's quota for an owner (or the team: ownerId null): the quota set for that very period; for a quarter
 * with none, the sum of its months' quotas if all three are set. Null when there is none in `currency`.
 */
function quotaFor(quotas: readonly Quota[], ownerId: string | null, period: Period, currency: string): number | null {
  const mine = quotas.filter((q) => q.ownerId === ownerId && q.currency === currency);
  const exact = mine.find((q) => q.period === period.key);
  if (exact) return exact.amount;
  if (period.grain !== 'quarter') return null;
  const months = mine.filter(
    (q) => /^\d{4}-\d{2}$/.test(q.period) && periodOf(`${q.period}-01`, 'quarter', 'utc').key === period.key,
  );
  return months.length === 3 ? months.reduce((sum, q) => sum + q.amount, 0) : null;
}

function row(owner: string | null, quota: number | null, won: number, weightedOpen: number): Attainment {
  const gap = quota === null ? null : Math.max(0, quota - won);
  return {
    owner,
    quota,
    won,
    attainment: quota ? won / quota : null,
    gap,
    weightedOpen: Math.round(weightedOpen),
    coverage: gap ? Math.round(weightedOpen) / gap : null,
  };
}

/**
 * Attainment (closed won ÷ quota), the gap, and coverage (weighted open ÷ what is left of the quota) for one
 * period, per owner and for the team, in one pass over the deals. Deals are taken as they stood at `asOf`; the
 * weighted open amount is what the forecast puts in the period (open deals expected to close in it, omitted ones
 * left out). The team's quota is its own, else the sum of its owners' when every owner in the list has one.
 */
export function quotaAttainment(
  t: DealTable,
  opts: {
    period: Period;
    asOf: number;
    owners: readonly Owner[];
    quotas: readonly Quota[];
    currency: string;
    probability: (i: number, stage: number) => number;
  },
): QuotaReport {
  const { period, owners } = opts;
  const codes = ownerCodes(t, owners);
  const code = currencyCode(t, opts.currency);
  const won = new Float64Array(owners.length + 1); // last: the team
  const open = new Float64Array(owners.length + 1);
  const team = owners.length;
  const first = dayNumber(period.startDay);
  const end = dayNumber(period.endDay);
  const periods = [period];
  const stageOmitted = t.stages.map((s) => s.forecastCategory === 'omitted');
  const s = newState();
  for (let i = 0; i < t.n; i++) {
    if (t.currency[i] !== code || !stateAt(t, i, opts.asOf, s)) continue;
    const amount = t.amount[i]!;
    if (Number.isNaN(amount)) continue;
    const o = codes[t.owner[i]!]!;
    if (s.outcome === WON) {
      if (periodIndexAt(periods, s.closedAt) !== 0) continue;
      won[team]! += amount;
      if (o >= 0) won[o]! += amount;
    } else if (s.outcome === OPEN) {
      const close = t.expectedClose[i]!;
      if (close < first || close >= end) continue;
      const override = t.category[i]!;
      if (override >= 0 ? CATEGORIES[override] === 'omitted' : s.stage >= 0 && stageOmitted[s.stage]) continue;
      const w = amount * opts.probability(i, s.stage);
      open[team]! += w;
      if (o >= 0) open[o]! += w;
    }
  }
  const rows = owners.map((owner, k) =>
    row(owner.name, quotaFor(opts.quotas, owner.id, period, opts.currency), won[k]!, open[k]!),
  );
  const ownQuotas = rows.map((r) => r.quota);
  const teamQuota =
    quotaFor(opts.quotas, null, period, opts.currency) ??
    (ownQuotas.length && ownQuotas.every((q) => q !== null)
      ? ownQuotas.reduce<number>((sum, q) => sum + (q ?? 0), 0)
      : null);
  return {
    period,
    owners: rows,
    team: row(null, teamQuota, won[team]!, open[team]!),
    otherCurrency: opts.quotas.filter((q) => q.currency !== opts.currency).length,
  };
}
