import { describe, expect, it } from 'vitest';
import { t } from '@/lib/i18n';
import type { Stage } from '@/lib/model';
import { sortStages } from '@/lib/pipeline/default-stages';
import {
  checkPipeline,
  issueMessage,
  liveDealCounts,
  PipelineRefused,
  saveStages,
  suggestReassign,
  templateStages,
} from '@/lib/pipeline/stages-edit';
import { AT, makeDeal, seedPeople } from '../board/factory';
import { freshDb } from '../helpers';

async function pipeline() {
  const db = await freshDb();
  return { db, stages: sortStages(await db.stages.toArray()) };
}

describe('stage editor', () => {
  it('renames, reorders, re-weights and adds stages, numbering them in the order given', async () => {
    const { db, stages } = await pipeline();
    const [first, second, ...rest] = stages;
    const added: Stage = { ...first!, id: 'discovery', name: 'Discovery', probability: 0.15 };
    const next = [{ ...second!, name: 'Contacted' }, { ...first!, probability: 0.02 }, added, ...rest];
    expect(await saveStages(db, next, {}, AT)).toEqual({ stages: 9, moved: 0 });
    const saved = sortStages(await db.stages.toArray());
    expect(saved.map((s) => s.id).slice(0, 3)).toEqual(['initial_contact', 'prospecting', 'discovery']);
    expect(saved.map((s) => s.order)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(saved[0]!.name).toBe('Contacted');
    expect(saved[1]!.probability).toBe(0.02);
  });

  it('refuses to remove a stage while deals remain, and changes nothing', async () => {
    const { db, stages } = await pipeline();
    await seedPeople(db, ['a', 'b'], 'demo');
    const next = stages.filter((s) => s.id !== 'demo');
    const err = await saveStages(db, next, {}, AT).catch((e) => e);
    expect(err).toBeInstanceOf(PipelineRefused);
    expect(err.issues).toEqual([{ code: 'has-deals', stageId: 'demo', name: 'Demo / trial', count: 2 }]);
    expect(await db.stages.get('demo')).toBeDefined();
    expect(await db.deals.where('stageId').equals('demo').count()).toBe(2);
  });

  it('moves a removed stage’s deals to the stage chosen, recording each move', async () => {
    const { db, stages } = await pipeline();
    await seedPeople(db, ['a', 'b'], 'demo');
    const res = await saveStages(
      db,
      stages.filter((s) => s.id !== 'demo'),
      { demo: 'proposal' },
      AT + 1,
    );
    expect(res).toEqual({ stages: 7, moved: 2 });
    expect(await db.stages.get('demo')).toBeUndefined();
    const deals = await db.deals.toArray();
    expect(deals.map((d) => d.stageId)).toEqual(['proposal', 'proposal']);
    expect(deals[0]!.stageEntries.at(-1)).toEqual({ stageId: 'proposal', at: AT + 1 });
    const moves = await db.activities.where('type').equals('stage-changed').toArray();
    expect(moves.map((m) => m.payload)).toEqual([
      { from: 'demo', to: 'proposal', reason: 'stage-removed' },
      { from: 'demo', to: 'proposal', reason: 'stage-removed' },
    ]);
  });

  it('lets a stage with only deleted deals go, re-pointing them so a restore finds a stage', async () => {
    const { db, stages } = await pipeline();
    await db.deals.add(makeDeal('dx', 'cx', 'demo', { deletedAt: AT }));
    expect(await liveDealCounts(db, ['demo', 'won'])).toEqual(
      new Map([
        ['demo', 0],
        ['won', 0],
      ]),
    );
    await saveStages(
      db,
      stages.filter((s) => s.id !== 'demo'),
      {},
      AT,
    );
    expect((await db.deals.get('dx'))?.stageId).toBe('prospecting');
  });

  it('checks the shape of a pipeline: one open stage at least, one Won, one Lost, distinct names', () => {
    const stages = templateStages('short', (k) => t(k));
    expect(checkPipeline(stages, stages, new Map(), {})).toEqual([]);
    const noOpen = stages.filter((s) => s.kind !== 'open');
    expect(checkPipeline([], noOpen, new Map(), {}).map((i) => i.code)).toEqual(['no-open']);
    const twoWon = [...stages, { ...stages.at(-2)!, id: 'won2', name: 'Won again' }];
    expect(checkPipeline([], twoWon, new Map(), {}).map((i) => i.code)).toEqual(['won-count']);
    const noLost = stages.filter((s) => s.kind !== 'lost');
    expect(checkPipeline([], noLost, new Map(), {}).map((i) => i.code)).toEqual(['lost-count']);
    const dupName = [...stages, { ...stages[0]!, id: 'x', name: ' PROSPECTING ' }];
    expect(checkPipeline([], dupName, new Map(), {})).toContainEqual({
      code: 'duplicate-name',
      stageId: 'x',
      name: ' PROSPECTING ',
    });
    const emptyName = [{ ...stages[0]!, name: ' ' }, ...stages.slice(1)];
    expect(checkPipeline([], emptyName, new Map(), {}).map((i) => i.code)).toEqual(['empty-name']);
    const kindFlip = stages.map((s) => (s.id === 'lead' ? { ...s, kind: 'lost' as const } : s));
    expect(checkPipeline(stages, kindFlip, new Map([['lead', 3]]), {}).map((i) => i.code)).toContain('kind-changed');
    const badTarget = checkPipeline(stages, stages.slice(1), new Map([['lead', 1]]), { lead: 'nowhere' });
    expect(badTarget.map((i) => i.code)).toEqual(['bad-target']);
    for (const issue of [...badTarget, ...checkPipeline([], noOpen, new Map(), {})])
      expect(t(...issueMessage(issue))).not.toMatch(/^settings_/);
  });

  it('applies a template, suggesting where the stages it lacks should send their deals', async () => {
    const { db, stages } = await pipeline();
    await seedPeople(db, ['a'], 'prospecting');
    await seedPeople(db, ['b'], 'closing');
    await seedPeople(db, ['c'], 'won');
    const short = templateStages('short', (k) => t(k));
    const reassign = suggestReassign(stages, short);
    expect(reassign).toEqual({
      prospecting: 'lead',
      initial_contact: 'lead',
      qualification: 'qualified',
      demo: 'qualified',
      closing: 'proposal',
    });
    await saveStages(db, short, reassign, AT);
    expect(sortStages(await db.stages.toArray()).map((s) => s.id)).toEqual([
      'lead',
      'qualified',
      'proposal',
      'won',
      'lost',
    ]);
    expect((await db.deals.get('da'))?.stageId).toBe('lead');
    expect((await db.deals.get('db'))?.stageId).toBe('proposal');
    expect((await db.deals.get('dc'))?.stageId).toBe('won');
  });
});
