import { describe, expect, it } from 'vitest';
import type { CandidateInput } from '@/lib/model';
import { saveCapture } from '@/lib/pipeline/capture';
import { moveDeal } from '@/lib/pipeline/move-deal';
import { freshDb, teamPage } from '../helpers';

// These save as a rep with "start a deal for every capture" on; tests/unit/pipeline/leads.test.ts covers leads.
const opts = { now: Date.UTC(2026, 10, 1), currency: 'USD', owner: 'rep', startDeal: true };
const jane: CandidateInput = {
  name: 'Jane Doe',
  jobTitle: 'VP Sales',
  company: 'Acme',
  emails: ['jane@acme.test'],
  provenance: { name: { source: 'json-ld', detail: 'name' } },
};

describe('saveCapture', () => {
  it('stores a new person with a deal in the first stage and a captured activity', async () => {
    const db = await freshDb();
    const [saved] = await saveCapture(db, teamPage(jane), opts);
    expect(saved).toMatchObject({ created: true });
    const contact = await db.contacts.get(saved!.contactId);
    expect(contact).toMatchObject({ name: 'Jane Doe', emails: ['jane@acme.test'], nameKey: 'jane doe|acme' });
    expect(contact?.provenance.name).toMatchObject({
      source: 'json-ld',
      url: 'https://example.com/team',
      at: opts.now,
    });
    const deal = await db.deals.get(saved!.dealId!);
    expect(deal).toMatchObject({ stageId: 'prospecting', stageEntries: [{ stageId: 'prospecting', at: opts.now }] });
    expect(
      await db.activities.where('[contactId+at]').between([contact!.id, 0], [contact!.id, Infinity]).toArray(),
    ).toMatchObject([{ type: 'captured' }]);
  });

  it('merges a second capture of the same person instead of duplicating', async () => {
    const db = await freshDb();
    await saveCapture(db, teamPage(jane), opts);
    const [again] = await saveCapture(
      db,
      teamPage({
        name: 'Jane Doe',
        emails: ['JANE@acme.test', 'jd@home.test'].map((e) => e.toLowerCase()),
        phones: ['+1 555 0100'],
      }),
      { ...opts, now: opts.now + 1000 },
    );
    expect(again).toMatchObject({ created: false });
    expect(await db.contacts.count()).toBe(1);
    expect(await db.deals.count()).toBe(1);
    const c = await db.contacts.get(again!.contactId);
    expect(c?.emails).toEqual(['jane@acme.test', 'jd@home.test']);
    expect(c?.phones).toEqual(['+1 555 0100']);
    expect(c?.jobTitle).toBe('VP Sales');
  });

  it('finds the same person by LinkedIn profile and by name at company', async () => {
    const db = await freshDb();
    await saveCapture(db, teamPage({ name: 'Ann Lee', linkedinUrl: 'https://www.linkedin.com/in/annlee/' }), opts);
    await saveCapture(db, teamPage({ name: 'Ann Lee', urls: ['https://id.linkedin.com/in/AnnLee?trk=1'] }), opts);
    await saveCapture(db, teamPage({ name: 'Bo Chen', company: 'Globex Inc.' }), opts);
    await saveCapture(db, teamPage({ name: 'bo chen', company: 'Globex', emails: ['bo@globex.test'] }), opts);
    expect(await db.contacts.count()).toBe(2);
  });

  it('never overwrites a field the rep edited by hand', async () => {
    const db = await freshDb();
    const [s] = await saveCapture(db, teamPage(jane), opts);
    await db.contacts.update(s!.contactId, { jobTitle: 'Chief Revenue Officer', editedFields: ['jobTitle'] });
    await saveCapture(db, teamPage({ ...jane, jobTitle: 'VP Sales EMEA', location: 'Berlin' }), opts);
    const c = await db.contacts.get(s!.contactId);
    expect(c?.jobTitle).toBe('Chief Revenue Officer');
    expect(c?.location).toBe('Berlin');
  });

  it('ends ten simultaneous captures of one person as one contact', async () => {
    const db = await freshDb();
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => saveCapture(db, teamPage({ ...jane, phones: [`+1 555 01${i}0`] }), opts)),
    );
    expect(await db.contacts.count()).toBe(1);
    expect(await db.deals.count()).toBe(1);
    expect((await db.contacts.toArray())[0]?.phones).toHaveLength(10);
  });

  it('skips candidates with nothing to identify them', async () => {
    const db = await freshDb();
    expect(await saveCapture(db, teamPage({ phones: ['+1 555 0100'] }), opts)).toEqual([]);
    expect(await db.contacts.count()).toBe(0);
  });
});

describe('moveDeal', () => {
  it('records the move in the deal’s history and as an activity, closing on won', async () => {
    const db = await freshDb();
    const [s] = await saveCapture(db, teamPage(jane), opts);
    await moveDeal(db, s!.dealId!, 'demo', opts.now + 10);
    const won = await moveDeal(db, s!.dealId!, 'won', opts.now + 20);
    expect(won).toMatchObject({ stageId: 'won', outcome: 'won', closedAt: opts.now + 20 });
    expect(won.stageEntries.map((e) => e.stageId)).toEqual(['prospecting', 'demo', 'won']);
    const moves = await db.activities.where('type').equals('stage-changed').sortBy('at');
    expect(moves.map((a) => a.payload)).toEqual([
      { from: 'prospecting', to: 'demo' },
      { from: 'demo', to: 'won' },
    ]);
  });
});
