import { describe, expect, it } from 'vitest';
import { toBoardDeal } from '@/lib/db/deal-index';
import type { BantWeights } from '@/lib/model';
import {
  closePeriodRange,
  DEFAULT_FILTERS,
  dealMatcher,
  filtersFromParams,
  filtersToParams,
  followUpState,
  isFiltered,
  sortDeals,
  startOfDay,
  startOfNextDay,
} from '@/lib/pipeline/filters';
import { AT, DAY, makeDeal } from '../board/factory';

const weights: BantWeights = { budget: 25, authority: 25, need: 25, timeline: 25 };
const lvl = (level: number) => ({ level, note: '', confirmed: true });
// 15 March 2026, mid-day local time.
const now = new Date(2026, 2, 15, 12).getTime();

describe('board filters', () => {
  it('round-trip through URL parameters, keeping only what differs from the defaults', () => {
    expect(filtersToParams(DEFAULT_FILTERS).toString()).toBe('');
    const f = {
      ...DEFAULT_FILTERS,
      q: 'dewi nus',
      owner: 'Ayu',
      source: 'linkedin',
      tag: 'vip',
      close: 'this-quarter' as const,
      bantMin: 50,
      overdue: true,
      sort: 'amount' as const,
      expanded: ['won'],
    };
    expect(filtersFromParams(new URLSearchParams(filtersToParams(f).toString()))).toEqual(f);
    expect(isFiltered(f)).toBe(true);
    expect(isFiltered({ ...DEFAULT_FILTERS, sort: 'bant', expanded: ['lost'] })).toBe(false);
  });

  it('ignores malformed parameters instead of failing', () => {
    const f = filtersFromParams(
      new URLSearchParams(`close=someday&sort=chaos&bant=500&overdue=yes&q=${'x'.repeat(900)}`),
    );
    expect(f).toMatchObject({ close: '', sort: 'days', bantMin: null, overdue: false });
    expect(f.q).toHaveLength(200);
  });

  it('computes calendar close periods in local time', () => {
    expect(closePeriodRange('this-month', now)).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(closePeriodRange('next-month', now)).toEqual({ from: '2026-04-01', to: '2026-04-30' });
    expect(closePeriodRange('this-quarter', now)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(closePeriodRange('next-quarter', now)).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(closePeriodRange('this-year', now)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(closePeriodRange('past', now)).toEqual({ from: '0000-01-01', to: '2026-03-14' });
    expect(closePeriodRange('none', now)).toBeNull();
    const december = new Date(2026, 11, 20).getTime();
    expect(closePeriodRange('next-month', december)).toEqual({ from: '2027-01-01', to: '2027-01-31' });
    expect(closePeriodRange('next-quarter', december)).toEqual({ from: '2027-01-01', to: '2027-03-31' });
  });

  it('marks follow-ups overdue once their day has passed', () => {
    expect(followUpState(null, now)).toBe('none');
    expect(followUpState(startOfDay(now) - 1, now)).toBe('overdue');
    expect(followUpState(startOfDay(now), now)).toBe('today');
    expect(followUpState(now + 3600_000, now)).toBe('today');
    expect(followUpState(startOfNextDay(now), now)).toBe('later');
  });

  it('matches deals on every filter at once', () => {
    const base = makeDeal('a', 'c1', 'demo', {
      owner: 'Ayu',
      source: 'linkedin',
      expectedClose: '2026-03-20',
      followUpAt: now - 2 * DAY,
      bant: { budget: lvl(3), authority: lvl(3), need: lvl(0), timeline: lvl(0) },
    });
    const ctx = { now, weights, contactIds: new Set(['c1']) };
    const all = {
      ...DEFAULT_FILTERS,
      owner: 'Ayu',
      source: 'linkedin',
      close: 'this-month' as const,
      bantMin: 50,
      overdue: true,
    };
    expect(dealMatcher(all, ctx)(toBoardDeal(base))).toBe(true);
    expect(dealMatcher(all, { ...ctx, contactIds: new Set(['c2']) })(toBoardDeal(base))).toBe(false);
    expect(dealMatcher({ ...all, owner: 'Ben' }, ctx)(toBoardDeal(base))).toBe(false);
    expect(dealMatcher({ ...all, source: 'gmail' }, ctx)(toBoardDeal(base))).toBe(false);
    expect(dealMatcher({ ...all, close: 'next-month' }, ctx)(toBoardDeal(base))).toBe(false);
    expect(dealMatcher({ ...all, close: 'none' }, ctx)(toBoardDeal(base))).toBe(false);
    expect(dealMatcher({ ...all, close: 'none' }, ctx)(toBoardDeal({ ...base, expectedClose: null }))).toBe(true);
    expect(dealMatcher({ ...all, bantMin: 51 }, ctx)(toBoardDeal(base))).toBe(false);
    expect(dealMatcher(all, ctx)(toBoardDeal({ ...base, followUpAt: now + DAY }))).toBe(false);
    expect(dealMatcher(all, ctx)(toBoardDeal({ ...base, deletedAt: AT }))).toBe(false);
    expect(dealMatcher(DEFAULT_FILTERS, { ...ctx, contactIds: null })(toBoardDeal({ ...base, owner: 'X' }))).toBe(true);
  });

  it('sorts a column, missing values last, ties by id', () => {
    const d = (id: string, over: Parameters<typeof makeDeal>[3]) => makeDeal(id, `c${id}`, 'demo', over);
    const deals = [
      d('a', { amount: 100, expectedClose: '2026-05-01', stageEntries: [{ stageId: 'demo', at: AT }] }),
      d('b', { amount: null, expectedClose: null, stageEntries: [{ stageId: 'demo', at: AT - 5 * DAY }] }),
      d('c', { amount: 900, expectedClose: '2026-04-01', followUpAt: AT, updatedAt: AT + 9 }),
      d('d', { amount: 100, bant: { budget: lvl(3), authority: lvl(3), need: lvl(3), timeline: lvl(3) } }),
    ];
    const ids = (sort: Parameters<typeof sortDeals>[1], extra = {}) =>
      sortDeals(deals.map(toBoardDeal), sort, { now, weights, ...extra }).map((x) => x.id);
    expect(ids('amount')).toEqual(['c', 'a', 'd', 'b']);
    expect(ids('close')).toEqual(['c', 'a', 'b', 'd']);
    expect(ids('days')[0]).toBe('b');
    expect(ids('bant')[0]).toBe('d');
    expect(ids('followup')[0]).toBe('c');
    expect(ids('updated')[0]).toBe('c');
    expect(
      ids('name', {
        nameRank: new Map([
          ['cd', 0],
          ['cb', 1],
        ]),
      }),
    ).toEqual(['d', 'b', 'a', 'c']);
  });
});
