import type { BoardDeal } from '../db/deal-index';
import { dayKey } from '../forecast/calendar';
import type { BantWeights } from '../model';
import { scoreBant } from './bant';
import { ownerTest, scopeFromParams } from './owner-scope';

/** Expected-close periods the board filters by (calendar periods in the rep's local time). */
export const CLOSE_PERIODS = [
  'past',
  'this-month',
  'next-month',
  'this-quarter',
  'next-quarter',
  'this-year',
  'none',
] as const;
export type ClosePeriod = (typeof CLOSE_PERIODS)[number];

export const BOARD_SORTS = ['days', 'amount', 'bant', 'close', 'followup', 'updated', 'name'] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];

/** What the board shows. Kept in the URL (options.html#board?q=…&owner=…), so it survives reload. */
export interface BoardFilters {
  /** Words matched as prefixes against the contact's name, company and emails. */
  q: string;
  /** "My deals" (lib/pipeline/owner-scope.ts); then `owner` is ''. */
  mine: boolean;
  /** One owner's deals ('' for the whole team's). */
  owner: string;
  /** The deal's source site ('linkedin', 'gmail', 'import'…). */
  source: string;
  /** A tag on the deal's contact. */
  tag: string;
  close: ClosePeriod | '';
  /** Only deals whose BANT score is at least this (0–100); null = any. */
  bantMin: number | null;
  /** Only deals whose follow-up is overdue. */
  overdue: boolean;
  sort: BoardSort;
  /** Closed columns the rep opened (Won/Lost are collapsed by default). */
  expanded: string[];
  /** Not in the URL: the owner texts "My deals" means here (myOwnerNames), set by the view. */
  me: readonly string[];
}

export const DEFAULT_FILTERS: BoardFilters = {
  q: '',
  mine: false,
  owner: '',
  source: '',
  tag: '',
  close: '',
  bantMin: null,
  overdue: false,
  sort: 'days',
  expanded: [],
  me: [],
};

const MAX_PARAM = 200;

/** Filters from the view's URL parameters; anything unknown or malformed falls back to its default. */
export function filtersFromParams(p: URLSearchParams): BoardFilters {
  const text = (k: string) => (p.get(k) ?? '').slice(0, MAX_PARAM);
  const close = p.get('close') ?? '';
  const sort = p.get('sort') ?? '';
  const bant = Number.parseInt(p.get('bant') ?? '', 10);
  const scope = scopeFromParams(p);
  return {
    q: text('q'),
    mine: scope.mine,
    owner: scope.mine ? '' : scope.owner,
    source: text('source'),
    tag: text('tag'),
    close: (CLOSE_PERIODS as readonly string[]).includes(close) ? (close as ClosePeriod) : '',
    bantMin: Number.isFinite(bant) && bant >= 0 && bant <= 100 ? bant : null,
    overdue: p.get('overdue') === '1',
    sort: (BOARD_SORTS as readonly string[]).includes(sort) ? (sort as BoardSort) : DEFAULT_FILTERS.sort,
    expanded: text('open').split(',').filter(Boolean),
    me: [],
  };
}

/** The URL parameters for filters: only what differs from the defaults, so a clean board has a clean URL. */
export function filtersToParams(f: BoardFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q.trim()) p.set('q', f.q);
  if (f.mine) p.set('mine', '1');
  else if (f.owner) p.set('owner', f.owner);
  if (f.source) p.set('source', f.source);
  if (f.tag) p.set('tag', f.tag);
  if (f.close) p.set('close', f.close);
  if (f.bantMin !== null) p.set('bant', String(f.bantMin));
  if (f.overdue) p.set('overdue', '1');
  if (f.sort !== DEFAULT_FILTERS.sort) p.set('sort', f.sort);
  if (f.expanded.length) p.set('open', f.expanded.join(','));
  return p;
}

/** True when any filter narrows the board (sort and expanded columns do not). */
export function isFiltered(f: BoardFilters): boolean {
  return !!(f.q.trim() || f.mine || f.owner || f.source || f.tag || f.close || f.bantMin !== null || f.overdue);
}

/** The rep's calendar day of a local date. */
const isoDay = (d: Date) => dayKey(d.getTime(), 'local');

/** Start of the local day of `now`, in ms. */
export function startOfDay(now: number): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** Start of the local day after `now`, in ms (correct across daylight-saving changes). */
export function startOfNextDay(now: number): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() + 1);
  return d.getTime();
}

/** The inclusive `YYYY-MM-DD` range of a close period around `now` (local calendar); null for 'none'. */
export function closePeriodRange(period: ClosePeriod, now: number): { from: string; to: string } | null {
  const d = new Date(now);
  const y = d.getFullYear();
  const m = d.getMonth();
  const q = Math.floor(m / 3) * 3;
  const range = (fy: number, fm: number, ty: number, tm: number) => ({
    from: isoDay(new Date(fy, fm, 1)),
    to: isoDay(new Date(ty, tm + 1, 0)),
  });
  switch (period) {
    case 'past':
      return { from: '0000-01-01', to: isoDay(new Date(y, m, d.getDate() - 1)) };
    case 'this-month':
      return range(y, m, y, m);
    case 'next-month':
      return range(y, m + 1, y, m + 1);
    case 'this-quarter':
      return range(y, q, y, q + 2);
    case 'next-quarter':
      return range(y, q + 3, y, q + 5);
    case 'this-year':
      return range(y, 0, y, 11);
    case 'none':
      return null;
  }
}

/** A follow-up is overdue once its day has passed; due today while it falls within today. */
export function followUpState(followUpAt: number | null, now: number): 'none' | 'overdue' | 'today' | 'later' {
  if (followUpAt === null) return 'none';
  if (followUpAt < startOfDay(now)) return 'overdue';
  return followUpAt < startOfNextDay(now) ? 'today' : 'later';
}

export interface MatchContext {
  now: number;
  weights: BantWeights;
  /** Contacts matching the text search / tag (from the search index); null = that filter is off. */
  contactIds: ReadonlySet<string> | null;
}

/** A predicate for one deal under the filters (the text and tag filters arrive as `ctx.contactIds`). */
export function dealMatcher(f: BoardFilters, ctx: MatchContext): (deal: BoardDeal) => boolean {
  const range = f.close && f.close !== 'none' ? closePeriodRange(f.close, ctx.now) : null;
  const dayStart = startOfDay(ctx.now);
  const owned = f.mine || f.owner ? ownerTest(f.mine ? { mine: true } : { mine: false, owner: f.owner }, f.me) : null;
  return (deal) => {
    if (deal.deletedAt !== null) return false;
    if (ctx.contactIds && !ctx.contactIds.has(deal.contactId)) return false;
    if (owned && !owned(deal.owner)) return false;
    if (f.source && deal.source !== f.source) return false;
    if (f.close === 'none' && deal.expectedClose !== null) return false;
    if (range && (deal.expectedClose === null || deal.expectedClose < range.from || deal.expectedClose > range.to))
      return false;
    if (f.overdue && !(deal.followUpAt !== null && deal.followUpAt < dayStart)) return false;
    if (f.bantMin !== null && scoreBant(deal.bant, ctx.weights) < f.bantMin) return false;
    return true;
  };
}

export interface SortContext {
  now: number;
  weights: BantWeights;
  /** Contact id → its position in name order (for sorting by name); missing ones go last. */
  nameRank?: ReadonlyMap<string, number>;
}

/** The key a sort orders deals by (ascending; ties fall back to the deal id). */
export function sortKey(sort: BoardSort, ctx: SortContext): (d: BoardDeal) => number | string {
  const last = Number.POSITIVE_INFINITY;
  switch (sort) {
    case 'days':
      // Longest in its stage first: entered the stage earliest.
      return (d) => d.enteredAt;
    case 'amount':
      return (d) => (d.amount === null ? last : -d.amount);
    case 'bant':
      return (d) => -scoreBant(d.bant, ctx.weights);
    case 'close':
      return (d) => d.expectedClose ?? '9999-99-99';
    case 'followup':
      return (d) => d.followUpAt ?? last;
    case 'updated':
      return (d) => -d.updatedAt;
    case 'name':
      return (d) => ctx.nameRank?.get(d.contactId) ?? last;
  }
}

function compare(ka: number | string, kb: number | string, a: BoardDeal, b: BoardDeal): number {
  if (ka < kb) return -1;
  if (ka > kb) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Sorts a column's deals in place and returns them. Each order puts what needs attention first: longest in
 * stage, largest, best qualified, closing soonest, follow-up soonest, most recently touched, or by name.
 * Missing values go last; ties fall back to the deal id, so the order is stable between renders. Each deal's key
 * is worked out once (an array beside the deals, not a Map: a column may hold thousands).
 */
export function sortDeals(deals: BoardDeal[], sort: BoardSort, ctx: SortContext): BoardDeal[] {
  const key = sortKey(sort, ctx);
  const keys = deals.map(key);
  const order = deals.map((_, i) => i);
  order.sort((i, j) => compare(keys[i]!, keys[j]!, deals[i]!, deals[j]!));
  const sorted = order.map((i) => deals[i]!);
  for (let i = 0; i < sorted.length; i++) deals[i] = sorted[i]!;
  return deals;
}

/**
 * A sorted column with some deals taken out and others put in at their places, without sorting it again (a move
 * shown at once must not cost a sort of thousands of deals). `sorted` is left as it is.
 */
export function withChanges(
  sorted: readonly BoardDeal[],
  remove: ReadonlySet<string>,
  insert: readonly BoardDeal[],
  sort: BoardSort,
  ctx: SortContext,
): BoardDeal[] {
  const out = remove.size ? sorted.filter((d) => !remove.has(d.id)) : [...sorted];
  const key = sortKey(sort, ctx);
  for (const d of insert) {
    const k = key(d);
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(key(out[mid]!), k, out[mid]!, d) < 0) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, d);
  }
  return out;
}
