import { describe, expect, it } from 'vitest';
import { generateDemo } from '@/lib/demo/generate';
import { loadDemo } from '@/lib/demo/load';
import { Activity, Contact, Deal } from '@/lib/model';
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
});
