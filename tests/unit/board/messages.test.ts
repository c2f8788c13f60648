import { describe, expect, it } from 'vitest';
import { describeError } from '@/lib/errors';
import { createHandlers } from '@/lib/messaging/handlers';
import { createRouter } from '@/lib/messaging/router';
import { DEFAULT_SETTINGS } from '@/lib/model';
import { sortStages } from '@/lib/pipeline/default-stages';
import { freshDb } from '../helpers';
import { AT, seedPeople } from './factory';

const self = { id: 'ext', origin: 'chrome-extension://ext/' };
const page = { id: 'ext', url: 'chrome-extension://ext/options.html' };
const tab = { id: 'ext', url: 'https://evil.test/', tab: { id: 3 } };

async function setup() {
  const db = await freshDb();
  await seedPeople(db, ['a', 'b'], 'demo');
  const route = createRouter(
    createHandlers({ db, settings: async () => ({ ...DEFAULT_SETTINGS, currency: 'EUR' }), now: () => AT + 1 }),
    self,
  );
  const send = (type: string, payload: unknown, sender = page) => route({ type, payload }, sender);
  return { db, send };
}

describe('options page messages', () => {
  it('save the pipeline, refusing with a readable reason while a removed stage has deals', async () => {
    const { db, send } = await setup();
    const stages = sortStages(await db.stages.toArray()).filter((s) => s.id !== 'demo');
    const refused = await send('stages.save', { stages });
    expect(refused).toMatchObject({ ok: false, code: 'failed' });
    // Said in the rep's language where it is shown: the reply carries the reason's i18n key and values.
    expect(describeError(refused)).toContain('still has 2 deals');
    expect(await send('stages.save', { stages, reassign: { demo: 'closing' } })).toEqual({
      ok: true,
      data: { stages: 7, moved: 2 },
    });
    expect(await send('stages.save', { stages: [] })).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('merge, delete, restore, move and tag contacts; only from extension pages', async () => {
    const { db, send } = await setup();
    expect(await send('contacts.tag', { contactIds: ['a', 'b'], tag: 'vip' })).toEqual({
      ok: true,
      data: { changed: 2 },
    });
    expect(await send('contacts.moveStage', { contactIds: ['a'], stageId: 'closing' })).toEqual({
      ok: true,
      data: { moved: 1, created: 0 },
    });
    expect(await send('contacts.delete', { contactIds: ['a'] })).toEqual({ ok: true, data: { deleted: 1 } });
    expect(await send('contacts.restore', { contactIds: ['a'] })).toEqual({ ok: true, data: { restored: 1 } });
    expect(await send('contacts.merge', { keepId: 'a', mergeId: 'b' })).toEqual({
      ok: true,
      data: { contactId: 'a' },
    });
    expect((await db.contacts.get('b'))?.mergedInto).toBe('a');
    expect(await send('contacts.delete', { contactIds: ['a'] }, tab)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await send('contacts.delete', { contactIds: [] })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await send('contacts.tag', { contactIds: ['a'], tag: '   ' })).toMatchObject({ ok: false, code: 'invalid' });
  });
});
