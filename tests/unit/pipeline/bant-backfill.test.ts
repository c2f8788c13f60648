import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { createWorkGate } from '@/lib/background/work-gate';
import { backfillBantSuggestions } from '@/lib/pipeline/bant-backfill';
import { saveCapture } from '@/lib/pipeline/capture';
import { updateDeal } from '@/lib/pipeline/mutations';
import { freshDb, teamPage } from '../helpers';
import { opts, part, person, useWriteDay } from './write-day';

useWriteDay();

describe('the daily BANT catch-up and a rep’s capture', () => {
  it('rolls back the batch under way when a capture arrives, stores the capture first, and still brings every deal up', async () => {
    const db = await freshDb();
    const people = Array.from({ length: 7 }, (_, i) => person(`Person${i} Lee`, 'Engineer'));
    const ids = (await saveCapture(db, teamPage(...people), opts)).map((s) => s.dealId!);
    // Two deals whose Timeline the calendar moved ("closes this month" is slipping a month later).
    vi.setSystemTime(new Date(2026, 6, 2, 10));
    for (const id of [ids[0]!, ids[6]!]) await updateDeal(db, id, { expectedClose: '2026-07-20' }, Date.now());
    vi.setSystemTime(new Date(2026, 7, 3, 10));

    const gate = createWorkGate({ quietMs: 0 });
    const events: string[] = [];
    let capture: Promise<unknown> | undefined;
    const changed = await backfillBantSuggestions(db, Date.now(), {
      batch: 3,
      pause: async () => {
        await gate.quiet();
        events.push('batch');
      },
      onBusy: (listener) => {
        const stop = gate.onBusy(listener);
        // A rep's capture arrives while the first batch is under way (from outside its transaction, as a message).
        capture ??= Dexie.ignoreTransaction(() =>
          gate.run(async () => {
            const saved = await saveCapture(db, teamPage(person('Late Comer', 'CEO')), { ...opts, now: Date.now() });
            events.push('capture');
            return saved;
          }),
        );
        return stop;
      },
    });
    await capture;
    // The first batch stepped aside and ran again once the capture was stored; nothing was lost either way.
    expect(events[0]).toBe('capture');
    expect(events.filter((e) => e === 'batch').length).toBeGreaterThanOrEqual(3);
    expect(changed).toBe(2);
    for (const id of [ids[0]!, ids[6]!]) expect((await db.deals.get(id))!.bant.timeline).toEqual(part(1));
    const late = (await db.contacts.where('emails').equals('late@acme.test').first())!;
    const deal = (await db.deals.where('contactId').equals(late.id).first())!;
    expect(deal.bant.authority).toEqual(part(3));
    expect(await db.deals.count()).toBe(8);
  });
});
