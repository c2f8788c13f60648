import { describe, expect, it } from 'vitest';
import { toBoardDeal } from '@/lib/db/deal-index';
import type { Owner } from '@/lib/model';
import { DEFAULT_FILTERS, dealMatcher, filtersFromParams, filtersToParams, isFiltered } from '@/lib/pipeline/filters';
import {
  myOwnerNames,
  ownerTest,
  reportOwners,
  scopeFromParams,
  scopeToParams,
  TEAM_SCOPE,
} from '@/lib/pipeline/owner-scope';
import { makeDeal } from '../board/factory';

const owners: Owner[] = [
  { id: 'own-ana', name: 'Ana Putri', aliases: ['Ana P.'], user: 'ana' },
  { id: 'own-budi', name: 'Budi', aliases: [], user: 'budi' },
];

describe('whose deals: My deals / Team / by owner', () => {
  it('keeps the choice in the URL beside the view’s other parameters', () => {
    const base = new URLSearchParams('grain=quarter&owner=Budi');
    expect(scopeFromParams(base)).toEqual({ mine: false, owner: 'Budi' });
    const mine = scopeToParams({ mine: true }, base);
    expect(mine.toString()).toBe('grain=quarter&mine=1');
    expect(scopeFromParams(mine)).toEqual({ mine: true });
    expect(scopeToParams(TEAM_SCOPE, mine).toString()).toBe('grain=quarter');
    expect(scopeFromParams(new URLSearchParams(`owner=${'x'.repeat(500)}`))).toEqual({
      mine: false,
      owner: 'x'.repeat(200),
    });
  });

  it('"mine" is the team user, the Settings name and the owner they are linked to, by any spelling', () => {
    const connected = myOwnerNames({ teamUser: 'ana', localOwner: '' }, owners);
    expect(connected).toEqual(['ana', 'Ana Putri', 'Ana P.']);
    const test = ownerTest({ mine: true }, connected);
    expect(['ana', 'ANA PUTRI', 'Ana P.'].map(test)).toEqual([true, true, true]);
    expect(['Budi', '', 'anak'].map(test)).toEqual([false, false, false]);
    // Not connected: the Settings name, and deals with no owner (a rep's own browser).
    const solo = myOwnerNames({ teamUser: '', localOwner: 'Budi' }, owners);
    expect(solo).toEqual(['Budi', '']);
    expect(ownerTest({ mine: true }, solo)('')).toBe(true);
    expect(ownerTest({ mine: true }, solo)('ana')).toBe(false);
  });

  it('gives the reports null for the whole team, else the names whose deals count', () => {
    expect(reportOwners(TEAM_SCOPE, ['ana'])).toBeNull();
    expect(reportOwners({ mine: false, owner: 'Budi' }, ['ana'])).toEqual(['Budi']);
    expect(reportOwners({ mine: true }, ['ana', 'Ana Putri'])).toEqual(['ana', 'Ana Putri']);
  });

  it('filters the board by it, round-tripping through the URL', () => {
    const f = { ...DEFAULT_FILTERS, mine: true };
    expect(filtersToParams(f).toString()).toBe('mine=1');
    expect(filtersFromParams(filtersToParams(f))).toEqual(f);
    expect(isFiltered(f)).toBe(true);
    const ctx = { now: Date.now(), weights: { budget: 25, authority: 25, need: 25, timeline: 25 }, contactIds: null };
    const deal = (owner: string) => toBoardDeal(makeDeal(`d-${owner}`, 'c1', 'demo', { owner }));
    const mine = dealMatcher({ ...f, me: ['ana', 'Ana Putri'] }, ctx);
    expect([deal('ana'), deal('ana putri'), deal('Budi')].map(mine)).toEqual([true, true, false]);
    const budi = dealMatcher({ ...DEFAULT_FILTERS, owner: 'budi' }, ctx);
    expect([deal('ana'), deal('Budi')].map(budi)).toEqual([false, true]);
  });
});
