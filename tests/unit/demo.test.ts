import { describe, expect, it } from 'vitest';
import { generateDemo } from '@/lib/demo/generate';
import { loadDemo } from '@/lib/demo/load';
import { removeDemo } from '@/lib/demo/remove';
import { exportAllCsv } from '@/lib/io/export-all';
import { Activity, Contact, Deal } from '@/lib/model';
import { makeContact, makeDeal } from './board/factory';
import { freshDb } from './helpers';

const now = Date.UTC(2026, 10, 29);

describe('demo pipeline', () => {
  it('is deterministic, valid against the schemas, and has consistent stage history', async () => {
    const db = await freshDb();
    const stages = await db.stages.toArray();
    const a = generateDemo({ contacts: 300, now, stages, seed: 7 });
    const b = generateDemo({ contacts: 300, now, stages, seed: 7 });
    expect(a).toEqual(b);
    expect(generateDemo({ contacts: 300, now, stages, seed: 8 })).not.toEqual(a);
    for (const c of a.contacts) Contact.parse(c);
    for (const d of a.deals) Deal.parse(d);
    for (const x of a.activities) Activity.parse(x);
    for (const d of a.deals) {
      expect(d.stageEntries[0]?.at).toBe(d.createdAt);
      expect(d.stageEntries.at(-1)?.stageId).toBe(d.stageId);
      const moves = a.activities.filter((x) => x.dealId === d.id && x.type === 'stage-changed');
      expect(moves).toHaveLength(d.stageEntries.length - 1);
      if (d.outcome) expect(d.closedAt).toBe(d.stageEntries.at(-1)?.at);
    }
    expect(new Set(a.deals.map((d) => d.outcome)).size).toBe(3);
    await loadDemo(db, a);
    expect(await db.deals.count()).toBe(300);
    expect(await db.activities.count()).toBe(a.activities.length);
  });

  it('is marked, never exported, and removed in one click with all it made, leaving the rep’s own data', async () => {
    const db = await freshDb();
    const stages = await db.stages.toArray();
    const demo = generateDemo({ contacts: 50, now, stages, seed: 3 });
    expect(demo.contacts.every((c) => c.demo === true)).toBe(true);
    await loadDemo(db, demo);
    await db.contacts.add(makeContact('mine', { name: 'Rep Own Contact' }));
    await db.deals.add(makeDeal('mine-deal', 'mine', stages[0]!.id));
    const csv = (await exportAllCsv(db)).join('');
    expect(csv).toContain('Rep Own Contact');
    for (const c of demo.contacts.slice(0, 5)) expect(csv).not.toContain(c.emails[0]!);
    expect(await db.tasks.count()).toBeGreaterThan(0);

    expect(await removeDemo(db)).toEqual({ contacts: 50, deals: 50 });
    expect(await db.contacts.toCollection().primaryKeys()).toEqual(['mine']);
    expect(await db.deals.toCollection().primaryKeys()).toEqual(['mine-deal']);
    expect(await db.activities.count()).toBe(0);
    expect(await db.tasks.count()).toBe(0);
    // The derived tables followed: the board and search know only the rep's own.
    expect(await db.dealIndex.toCollection().primaryKeys()).toEqual(['mine-deal']);
    expect(await db.contactIndex.toCollection().primaryKeys()).toEqual(['mine']);
    expect(await removeDemo(db)).toEqual({ contacts: 0, deals: 0 });
  });
});
