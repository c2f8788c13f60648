/**
 * Calendar periods (weeks, months, quarters) as day keys and millisecond bounds. Day keys (`YYYY-MM-DD`) compare
 * with a deal's expected close date as strings; millisecond bounds bucket timestamps (creation, close). The zone
 * says which midnight a day starts at: the rep's own ('local', what the views use) or UTC (tests, fixtures).
 */
export const DAY_MS = 86_400_000;

export type Zone = 'utc' | 'local';
export type Grain = 'week' | 'month' | 'quarter';

export interface Period {
  /** '2026-11' (month), '2026-Q4' (quarter), '2026-11-23' (week: its Monday). */
  key: string;
  grain: Grain;
  /** First day, inclusive. */
  startDay: string;
  /** First day after the period (exclusive). */
  endDay: string;
  /** Midnight starting `startDay` in the zone. */
  start: number;
  /** Midnight starting `endDay` in the zone (exclusive). */
  end: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function parts(day: string): [number, number, number] {
  const [y, m, d] = day.split('-').map(Number);
  return [y!, m!, d!];
}

function fromUtcDate(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The calendar day `ms` falls on in the zone. */
export function dayKey(ms: number, zone: Zone): string {
  const d = new Date(ms);
  return zone === 'utc' ? fromUtcDate(d) : `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The midnight that starts `day` in the zone. */
export function dayStart(day: string, zone: Zone): number {
  const [y, m, d] = parts(day);
  return zone === 'utc' ? Date.UTC(y, m - 1, d) : new Date(y, m - 1, d).getTime();
}

/** `day` moved by `n` calendar days (zone-free: it is date arithmetic). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = parts(day);
  return fromUtcDate(new Date(Date.UTC(y, m - 1, d + n)));
}

function monthDay(year: number, month0: number): string {
  const y = year + Math.floor(month0 / 12);
  const m = ((month0 % 12) + 12) % 12;
  return `${pad(y, 4)}-${pad(m + 1)}-01`;
}

function make(grain: Grain, key: string, startDay: string, endDay: string, zone: Zone): Period {
  return { key, grain, startDay, endDay, start: dayStart(startDay, zone), end: dayStart(endDay, zone) };
}

/** The week (Monday first), month or quarter that `day` falls in. */
export function periodOf(day: string, grain: Grain, zone: Zone): Period {
  const [y, m, d] = parts(day);
  if (grain === 'week') {
    const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
    const monday = addDays(day, -weekday);
    return make('week', monday, monday, addDays(monday, 7), zone);
  }
  if (grain === 'month') return make('month', `${pad(y, 4)}-${pad(m)}`, monthDay(y, m - 1), monthDay(y, m), zone);
  const q = Math.floor((m - 1) / 3);
  return make('quarter', `${pad(y, 4)}-Q${q + 1}`, monthDay(y, q * 3), monthDay(y, q * 3 + 3), zone);
}

/** `count` consecutive periods, the first one containing `day`. */
export function periodsFrom(day: string, grain: Grain, count: number, zone: Zone): Period[] {
  const out: Period[] = [];
  let next = day;
  for (let i = 0; i < count; i++) {
    const p = periodOf(next, grain, zone);
    out.push(p);
    next = p.endDay;
  }
  return out;
}

/** The `count` whole periods that ended before the one containing `day`, oldest first. */
export function periodsBefore(day: string, grain: Grain, count: number, zone: Zone): Period[] {
  const out: Period[] = [];
  let current = periodOf(day, grain, zone);
  for (let i = 0; i < count; i++) {
    current = periodOf(addDays(current.startDay, -1), grain, zone);
    out.unshift(current);
  }
  return out;
}

/** Every period overlapping the days `firstDay` … `lastDay` (both inclusive). */
export function periodsCovering(firstDay: string, lastDay: string, grain: Grain, zone: Zone): Period[] {
  const out: Period[] = [];
  let next = firstDay;
  while (next <= lastDay) {
    const p = periodOf(next, grain, zone);
    out.push(p);
    next = p.endDay;
  }
  return out;
}

/** Index of the period whose [start, end) holds `ms`, or -1 (also for NaN). Periods: consecutive, in order. */
export function periodIndexAt(periods: readonly Period[], ms: number): number {
  if (!(ms >= (periods[0]?.start ?? Number.POSITIVE_INFINITY))) return -1;
  let lo = 0;
  let hi = periods.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = periods[mid]!;
    if (ms < p.start) hi = mid - 1;
    else if (ms >= p.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
