import { describe, expect, it } from 'vitest';
import { saveCapture } from '@/lib/pipeline/capture';
import { updateContact } from '@/lib/pipeline/mutations';
import { freshDb, teamPage } from '../helpers';
import { now, opts, part, useWriteDay } from './write-day';

// A contact write re-suggests its deals only when it changes what the suggestions read (title, tags, notes):
// these cases make sure that skip never skips a change that matters.

useWriteDay();

describe('BANT suggestions when a contact is written', () => {
  it('follow its tags and its notes field; a change they never read leaves its deal as it was', async () => {
    const db = await freshDb();
    const ana = { name: 'Ana Putri', company: 'Acme', emails: ['ana@acme.test'] };
    const [a] = await saveCapture(db, teamPage(ana), opts);
    const dealId = a!.dealId!;
    expect((await db.deals.get(dealId))!.bant.need).toEqual(part(0));

    await updateContact(db, a!.contactId, { tags: ['Priority'] }, now + 1000);
    expect((await db.deals.get(dealId))!.bant.need).toEqual(part(3));
    await updateContact(
      db,
      a!.contactId,
      { tags: [], notes: 'They are looking for a new warehouse system.' },
      now + 2000,
    );
    expect((await db.deals.get(dealId))!.bant.need).toEqual(part(2));

    // A capture that only adds a phone: the deal is not rewritten (same record, same board row).
    const deal = await db.deals.get(dealId);
    const row = await db.dealIndex.get(dealId);
    const [again] = await saveCapture(db, teamPage({ ...ana, phones: ['+62 812 3456 7890'] }), {
      ...opts,
      now: now + 3000,
    });
    expect(again!.changed).toEqual(['phones']);
    expect(await db.deals.get(dealId)).toEqual(deal);
    expect(await db.dealIndex.get(dealId)).toEqual(row);
  });

  it('in one write of several contacts, re-suggests the deals of each whose title changed', async () => {
    const db = await freshDb();
    const saved = await saveCapture(
      db,
      teamPage(
        { name: 'Ana Putri', jobTitle: 'Analyst', company: 'Acme', emails: ['ana@acme.test'] },
        { name: 'Budi Santoso', jobTitle: 'Analyst', company: 'Acme', emails: ['budi@acme.test'] },
        { name: 'Citra Dewi', jobTitle: 'Analyst', company: 'Acme', emails: ['citra@acme.test'] },
      ),
      opts,
    );
    const contacts = (await db.contacts.bulkGet(saved.map((s) => s.contactId))).map((c) => c!);
    await db.contacts.bulkPut([
      { ...contacts[0]!, phones: ['+62 812 0000 0001'] },
      { ...contacts[1]!, jobTitle: 'Chief Executive Officer' },
      { ...contacts[2]!, jobTitle: 'Head of Operations' },
    ]);
    const [a, b, c] = await db.deals.bulkGet(saved.map((s) => s.dealId!));
    expect(a!.bant.authority).toEqual(part(1));
    expect(b!.bant.authority).toEqual(part(3));
    expect(c!.bant.authority).toEqual(part(2));
  });

  it('starts a known person’s deal with the suggestions of the contact as this capture leaves it', async () => {
    const db = await freshDb();
    const lead = { name: 'Dewi Lestari', jobTitle: 'Analyst', company: 'Acme', emails: ['dewi@acme.test'] };
    const [first] = await saveCapture(db, teamPage(lead), { ...opts, startDeal: false });
    expect(first!.dealId).toBeNull();
    const [again] = await saveCapture(db, teamPage({ ...lead, jobTitle: 'VP Operations' }), {
      ...opts,
      now: now + 1000,
    });
    expect(again).toMatchObject({ created: false, dealStarted: true, changed: ['jobTitle'] });
    expect((await db.deals.get(again!.dealId!))!.bant.authority).toEqual(part(3));
  });
});
