import { describe, expect, it } from 'vitest';
import { periodOf } from '@/lib/forecast/calendar';
import { dealTable } from '@/lib/forecast/deal-table';
import { tableForOwner } from '@/lib/forecast/owner-filter';
import { probabilityOf } from '@/lib/forecast/probability-methods';
import { quotaAttainment } from '@/lib/forecast/quota-attainment';
import { guessClosedStart } from '@/lib/io/guess-stages';
import { findOwner, type Owner, ownersFromNames, quotaId } from '@/lib/model';
import { mergeOwners, ownersForImport, renameOwner, setQuota } from '@/lib/pipeline/owners';
import { freshDb } from '../helpers';
import { deal, EVEN, noon, STAGES } from './factory';

const AS_OF = noon('2026-10-31');
const october = periodOf('2026-10-15', 'month', 'utc');

describe('owners', () => {
  it('one per name, whatever the case or spacing; found by alias', () => {
    const owners = ownersFromNames(['Ben Tan', 'ben  tan', 'Ben', 'Ayu']);
    expect(owners.map((o) => o.name)).toEqual(['Ben Tan', 'Ben', 'Ayu']);
    const merged: Owner[] = [{ ...owners[0]!, aliases: ['Ben'] }, owners[2]!];
    expect(findOwner(merged, 'BEN')?.name).toBe('Ben Tan');
    expect(findOwner(merged, 'Citra')).toBeUndefined();
  });

  it('merging moves deals, spellings and quotas; renaming keeps the old name for imports', async () => {
    const db = await freshDb();
    await db.deals.bulkAdd([
      deal('a', [['prospecting', AS_OF]], { owner: 'Ben' }),
      deal('b', [['prospecting', AS_OF]], { owner: 'ben' }),
      deal('c', [['prospecting', AS_OF]], { owner: 'Ben Tan' }),
    ]);
    await ownersForImport(db, ['Ben', 'Ben Tan']);
    await setQuota(db, { owner: 'Ben', period: '2026-10', amount: 100, currency: 'USD' });
    await setQuota(db, { owner: 'Ben Tan', period: '2026-10', amount: 200, currency: 'USD' });
    const kept = await mergeOwners(db, 'Ben', 'Ben Tan', AS_OF);
    expect(kept.aliases).toEqual(['Ben']);
    expect((await db.deals.toArray()).map((d) => d.owner)).toEqual(['Ben Tan', 'Ben Tan', 'Ben Tan']);
    expect(await db.owners.count()).toBe(1);
    expect((await db.quotas.get(quotaId(kept.id, '2026-10')))?.amount).toBe(300);
    expect(await db.quotas.count()).toBe(1);
    // A later file that still says "Ben" maps to Ben Tan.
    expect((await ownersForImport(db, ['ben'])).get('ben')).toBe('Ben Tan');
    await renameOwner(db, 'Ben Tan', 'Benjamin Tan', AS_OF);
    expect((await db.deals.toArray()).every((d) => d.owner === 'Benjamin Tan')).toBe(true);
    expect((await ownersForImport(db, ['Ben Tan'])).get('Ben Tan')).toBe('Benjamin Tan');
    // The forecast's rows follow the deals (the middleware).
    expect((await db.forecastIndex.get('a'))?.v[15]).toBe('Benjamin Tan');
  });
});

describe('quota attainment and coverage', () => {
  const owners: Owner[] = [
    { id: 'own-ayu', name: 'Ayu', aliases: [], user: '' },
    { id: 'own-ben', name: 'Ben Tan', aliases: ['Ben'], user: 'bentan' },
  ];
  const deals = [
    deal(
      'w1',
      [
        ['initial_contact', noon('2026-09-01')],
        ['won', noon('2026-10-05')],
      ],
      { owner: 'Ben', amount: 300_000 },
    ),
    deal(
      'w2',
      [
        ['initial_contact', noon('2026-09-01')],
        ['won', noon('2026-10-06')],
      ],
      { owner: 'Ayu', amount: 100_000 },
    ),
    // Won in September: not October's.
    deal(
      'w3',
      [
        ['initial_contact', noon('2026-08-01')],
        ['won', noon('2026-09-06')],
      ],
      { owner: 'Ayu', amount: 999 },
    ),
    // Open, expected in October: 10 % and 5 %.
    deal('o1', [['initial_contact', noon('2026-10-02')]], {
      owner: 'Ben Tan',
      amount: 50_000,
      expectedClose: '2026-10-30',
    }),
    deal('o2', [['prospecting', noon('2026-10-02')]], { owner: 'Ayu', amount: 20_000, expectedClose: '2026-10-20' }),
    // Expected in November, and someone not in the list: in the team's figures only.
    deal('o3', [['prospecting', noon('2026-10-02')]], { owner: 'Ayu', amount: 70_000, expectedClose: '2026-11-02' }),
    deal('x', [['initial_contact', noon('2026-10-02')]], {
      owner: 'Citra',
      amount: 10_000,
      expectedClose: '2026-10-09',
    }),
  ];
  const t = dealTable(deals, STAGES);
  const probability = probabilityOf(t, { method: 'configured', rates: [], bantWeights: EVEN });
  const quotas = [
    { id: 'own-ben|2026-10', ownerId: 'own-ben', period: '2026-10', amount: 400_000, currency: 'USD' },
    { id: 'own-ayu|2026-10', ownerId: 'own-ayu', period: '2026-10', amount: 100_000, currency: 'USD' },
  ];

  it('per owner and for the team: won ÷ quota, what is left, weighted open ÷ what is left', () => {
    const r = quotaAttainment(t, { period: october, asOf: AS_OF, owners, quotas, currency: 'USD', probability });
    expect(r.owners).toEqual([
      // Ayu met her quota: nothing left, so no coverage to speak of.
      { owner: 'Ayu', quota: 100_000, won: 100_000, attainment: 1, gap: 0, weightedOpen: 1_000, coverage: null },
      {
        owner: 'Ben Tan',
        quota: 400_000,
        won: 300_000,
        attainment: 0.75,
        gap: 100_000,
        weightedOpen: 5_000,
        coverage: 0.05,
      },
    ]);
    // The team has no quota of its own: the owners' add up (500,000). Citra's deal counts for the team.
    expect(r.team).toEqual({
      owner: null,
      quota: 500_000,
      won: 400_000,
      attainment: 0.8,
      gap: 100_000,
      weightedOpen: 7_000,
      coverage: 0.07,
    });
  });

  it('a quarter with no quota of its own adds up its three months', () => {
    const months = ['2026-10', '2026-11', '2026-12'].map((p) => ({
      id: `t|${p}`,
      ownerId: null,
      period: p,
      amount: 1_000,
      currency: 'USD',
    }));
    const q4 = periodOf('2026-10-01', 'quarter', 'utc');
    const r = quotaAttainment(t, { period: q4, asOf: AS_OF, owners, quotas: months, currency: 'USD', probability });
    expect(r.team.quota).toBe(3_000);
  });

  it('the owner filter keeps an owner’s deals under every spelling', () => {
    const ben = tableForOwner(t, 'Ben Tan', owners);
    expect([...ben.ids].sort()).toEqual(['o1', 'w1']);
    expect(tableForOwner(t, 'Citra', owners).ids).toEqual(['x']);
    expect(tableForOwner(t, null, owners)).toBe(t);
  });

  it('"My deals" keeps the deals of any of my names, each under every spelling', () => {
    expect([...tableForOwner(t, ['ben tan', 'Citra'], owners).ids].sort()).toEqual(['o1', 'w1', 'x']);
    expect([...tableForOwner(t, ['Citra'], owners).ids]).toEqual(['x']);
    expect(tableForOwner(t, [], owners).n).toBe(0);
    // An owner's team user name means that owner (synced deals name their owner by it).
    expect([...tableForOwner(t, ['BenTan'], owners).ids].sort()).toEqual(['o1', 'w1']);
  });
});

describe('where closed deals start', () => {
  it('is what the file’s stage value named by the date column maps to', () => {
    const mapping = { prospecting: 'prospecting', engaging: 'initial_contact', won: 'won' };
    expect(guessClosedStart('engage_date', mapping, STAGES)).toBe('initial_contact');
    expect(guessClosedStart('Created', mapping, STAGES)).toBeNull();
    expect(guessClosedStart(undefined, mapping, STAGES)).toBeNull();
  });
});
