import { describe, expect, it, vi } from 'vitest';
import { boardDeal } from '@/lib/db/deal-index';
import { confirmedParts, scoreBant } from '@/lib/pipeline/bant';
import { backfillBantSuggestions } from '@/lib/pipeline/bant-backfill';
import { saveCapture } from '@/lib/pipeline/capture';
import { addNote, updateContact, updateDeal } from '@/lib/pipeline/mutations';
import { freshDb, teamPage } from '../helpers';
import { now, opts, part, person, useWriteDay } from './write-day';

const weights = { budget: 25, authority: 25, need: 25, timeline: 25 };

useWriteDay();

describe('BANT suggestions on every write', () => {
  it('scores two similar people alike from capture alone, no popup opened, and the board row agrees', async () => {
    const db = await freshDb();
    const [a] = await saveCapture(db, teamPage(person('Ana Putri', 'VP Sales')), opts);
    const [b] = await saveCapture(db, teamPage(person('Budi Santoso', 'Vice President of Sales')), opts);
    const [da, dbb] = await db.deals.bulkGet([a!.dealId!, b!.dealId!]);
    expect(da!.bant.authority).toEqual(part(3));
    expect(scoreBant(da!.bant, weights)).toBe(scoreBant(dbb!.bant, weights));
    expect(scoreBant(da!.bant, weights)).toBeGreaterThan(0);
    // The board's compact row (written below this layer, in the same transaction) carries the suggestion.
    const row = (await db.dealIndex.get(da!.id))!;
    expect(boardDeal(row).bant.authority.level).toBe(3);
  });

  it('follows a contact’s change to its open deal, leaving confirmed parts and closed deals alone', async () => {
    const db = await freshDb();
    const [a] = await saveCapture(db, teamPage(person('Ana Putri', 'Analyst')), opts);
    const dealId = a!.dealId!;
    expect((await db.deals.get(dealId))!.bant.authority.level).toBe(1);
    const before = (await db.deals.get(dealId))!.updatedAt;

    await updateContact(db, a!.contactId, { jobTitle: 'Chief Operating Officer' }, now + 1000);
    const after = (await db.deals.get(dealId))!;
    expect(after.bant.authority).toEqual(part(3));
    // A suggestion is not the rep's change: the deal's last change stays theirs.
    expect(after.updatedAt).toBe(before);

    await updateDeal(db, dealId, { bant: { authority: part(1, true) } }, now + 2000);
    await updateContact(db, a!.contactId, { jobTitle: 'CEO' }, now + 3000);
    const confirmed = (await db.deals.get(dealId))!;
    expect(confirmed.bant.authority).toEqual(part(1, true));
    expect(confirmedParts(confirmed.bant)).toBe(1);
    expect(boardDeal((await db.dealIndex.get(dealId))!).bant.authority).toEqual(part(1, true));

    await db.deals.update(dealId, { outcome: 'lost', bant: { ...confirmed.bant, need: part(0) } });
    await addNote(db, a!.contactId, null, 'Urgent: they need it before June', now + 4000);
    expect((await db.deals.get(dealId))!.bant.need).toEqual(part(0));
  });

  it('reads a note added later into Need, and a deal written with an amount into Budget', async () => {
    const db = await freshDb();
    const [a] = await saveCapture(db, teamPage(person('Ana Putri', '')), opts);
    const dealId = a!.dealId!;
    expect((await db.deals.get(dealId))!.bant.need.level).toBe(0);
    await addNote(db, a!.contactId, dealId, 'Mereka butuh sistem gudang baru, segera.', now + 1000);
    expect((await db.deals.get(dealId))!.bant.need).toEqual(part(3));
    await updateDeal(db, dealId, { amount: 4_800_000, expectedClose: '2026-05-28' }, now + 2000);
    const deal = (await db.deals.get(dealId))!;
    expect(deal.bant.budget).toEqual(part(2));
    expect(deal.bant.timeline).toEqual(part(3));
  });
});

describe('BANT from logged email threads on every write', () => {
  it('reads a logged thread into the suggestions, and a later write to the deal keeps them', async () => {
    const db = await freshDb();
    const [a] = await saveCapture(db, teamPage(person('Ana Putri', '')), opts);
    const dealId = a!.dealId!;
    expect((await db.deals.get(dealId))!.bant.authority.level).toBe(0);
    await db.activities.add({
      id: 'mail1',
      contactId: a!.contactId,
      dealId: null,
      type: 'email-logged',
      at: now + 1000,
      payload: { messages: [{ text: "I'm the budget owner for this project.", byContact: true, mine: false }] },
    });
    expect((await db.deals.get(dealId))!.bant.authority).toEqual(part(3));
    // The rep edits the deal: the thread's evidence is read again, not lost.
    await updateDeal(db, dealId, { title: 'Warehouse system' }, now + 2000);
    expect((await db.deals.get(dealId))!.bant.authority).toEqual(part(3));
  });
});

describe('backfillBantSuggestions', () => {
  it('brings every open deal stored without suggestions up to date, in batches, writing only the changed', async () => {
    const db = await freshDb();
    const people = Array.from({ length: 7 }, (_, i) => person(`Person${i} Lee`, i % 2 ? 'Head of IT' : 'Engineer'));
    const saved = await saveCapture(db, teamPage(...people), opts);
    const ids = saved.map((s) => s.dealId!);
    // A deal suggested on the day it was written, then left alone while the calendar moved on.
    vi.setSystemTime(new Date(2026, 6, 2, 10));
    await updateDeal(db, ids[0]!, { expectedClose: '2026-07-20' }, Date.now());
    vi.setSystemTime(new Date(2026, 7, 3, 10));
    // The calendar moved: "closes this month" is now a slipping date, though nobody wrote the deal.
    expect((await db.deals.get(ids[0]!))!.bant.timeline.level).toBe(3);
    let pauses = 0;
    const changed = await backfillBantSuggestions(db, Date.now(), {
      batch: 3,
      pause: async () => {
        pauses++;
      },
    });
    expect(changed).toBe(1);
    expect(pauses).toBe(2);
    expect((await db.deals.get(ids[0]!))!.bant.timeline).toEqual(part(1));
    expect(await backfillBantSuggestions(db, Date.now(), { batch: 3, pause: async () => {} })).toBe(0);
  });
});
