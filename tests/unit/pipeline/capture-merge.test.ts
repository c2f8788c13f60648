import { describe, expect, it } from 'vitest';
import { recognisable } from '@/lib/capture/background';
import { Candidate, type CandidateInput, type PageCapture } from '@/lib/model';
import { saveCapture } from '@/lib/pipeline/capture';
import { findContacts } from '@/lib/pipeline/find-contact';
import { fixtureUrl, readFixture } from '../extract/fixtures';
import { captureOf } from '../extract/run';
import { freshDb } from '../helpers';

// These save as a rep with "start a deal for every capture" on; tests/unit/pipeline/leads.test.ts covers leads.
const opts = { now: Date.UTC(2026, 10, 1), currency: 'USD', owner: 'rep', startDeal: true };
const later = (ms: number) => ({ ...opts, now: opts.now + ms });
function page(...cands: CandidateInput[]): PageCapture {
  return { url: 'https://example.com/', title: '', site: 'web', candidates: cands.map((c) => Candidate.parse(c)) };
}
/** A fixture page as the extension would capture it. */
function fixture(path: string): PageCapture {
  const html = readFixture(`tests/fixtures/${path}.html`);
  return captureOf(html, fixtureUrl(html, `tests/fixtures/${path}.html`));
}

describe('capture dedupe and merge', () => {
  it('keeps the title and degrees read apart from the name, and adds them to a contact that lacks them', async () => {
    const db = await freshDb();
    await saveCapture(db, page({ name: 'Sari Wulandari', company: 'Maju', emails: ['sari@maju.example'] }), opts);
    await saveCapture(
      db,
      page({ name: 'Sari Wulandari', honorificPrefix: 'Dr.', honorificSuffix: 'S.E.', emails: ['sari@maju.example'] }),
      later(1000),
    );
    const [sari, ...others] = await db.contacts.toArray();
    expect(others).toEqual([]);
    expect([sari!.name, sari!.honorificPrefix, sari!.honorificSuffix]).toEqual(['Sari Wulandari', 'Dr.', 'S.E.']);
  });

  it('keeps one copy of a phone number however it was written', async () => {
    const db = await freshDb();
    await saveCapture(db, page({ name: 'Ann Lee', emails: ['ann@lee.example'], phones: ['+14155550132'] }), opts);
    const [s] = await saveCapture(
      db,
      page({ name: 'Ann Lee', emails: ['ann@lee.example'], phones: ['+1 (415) 555-0132', '+1 415 555 0199'] }),
      later(1),
    );
    expect((await db.contacts.get(s!.contactId))?.phones).toEqual(['+14155550132', '+1 415 555 0199']);
  });

  it('takes the company domain from a work address, never from free mail', async () => {
    const db = await freshDb();
    const [a] = await saveCapture(
      db,
      page({ name: 'Bo Chen', emails: ['bo.chen@gmail.com', 'bo@eu.globex.co.uk'] }),
      opts,
    );
    const [b] = await saveCapture(db, page({ name: 'Cy Dee', emails: ['cy@yahoo.co.id'] }), opts);
    expect((await db.contacts.get(a!.contactId))?.companyDomain).toBe('globex.co.uk');
    expect((await db.contacts.get(b!.contactId))?.companyDomain).toBe('');
  });

  it('lets an inferred value fill a gap but never replace what a page said', async () => {
    const db = await freshDb();
    const guessed = { source: 'email-domain', detail: 'acme.example', confidence: 0.3 };
    const [s] = await saveCapture(
      db,
      page({ name: 'Di Eve', emails: ['di@acme.example'], company: 'Acme', provenance: { company: guessed } }),
      opts,
    );
    expect((await db.contacts.get(s!.contactId))?.company).toBe('Acme');
    await saveCapture(
      db,
      page({ name: 'Di Eve', emails: ['di@acme.example'], company: 'Acme Robotics GmbH' }),
      later(1),
    );
    await saveCapture(
      db,
      page({ name: 'Di Eve', emails: ['di@acme.example'], company: 'Acme', provenance: { company: guessed } }),
      later(2),
    );
    const c = await db.contacts.get(s!.contactId);
    expect(c?.company).toBe('Acme Robotics GmbH');
    expect(c?.provenance.company).toMatchObject({ url: 'https://example.com/', at: opts.now + 1 });
  });

  it('records what a capture changed and what it replaced', async () => {
    const db = await freshDb();
    const [s] = await saveCapture(db, page({ name: 'Fay Gee', emails: ['fay@gee.example'], jobTitle: 'Buyer' }), opts);
    await saveCapture(db, page({ name: 'Fay Gee', emails: ['fay@gee.example'], jobTitle: 'Head of Buying' }), later(5));
    const updates = await db.activities.where('type').equals('updated').toArray();
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({
      contactId: s!.contactId,
      at: opts.now + 5,
      payload: { fields: ['jobTitle'], previous: { jobTitle: 'Buyer' } },
    });
  });

  it('finds a person again when one page adds the legal form ("Pte. Ltd.") another left out', async () => {
    const db = await freshDb();
    await saveCapture(db, page({ name: 'Hal Ito', company: 'Orbital Freight' }), opts);
    expect(await findContacts(db, { name: 'Hal Ito', company: 'Orbital Freight Pte. Ltd.' })).toHaveLength(1);
    expect(await findContacts(db, { name: 'Hal Ito', company: 'PT Orbital Freight Tbk' })).toHaveLength(1);
    expect(await findContacts(db, { name: 'Hal Ito', company: 'Orbital Logistics' })).toHaveLength(0);
  });

  it('merges one person captured from LinkedIn, then Gmail, then a reply chain into one contact with everything', async () => {
    const db = await freshDb();
    await saveCapture(db, fixture('linkedin-company/people-tab'), opts);
    await saveCapture(db, fixture('gmail/single-message'), later(1));
    await saveCapture(db, fixture('gmail/reply-chain'), later(2));
    const priya = (await db.contacts.toArray()).filter((c) => c.name === 'Priya Natarajan');
    expect(priya).toHaveLength(1);
    expect(priya[0]).toMatchObject({
      emails: ['priya.n@orbital-freight.example'],
      urls: { linkedin: 'https://www.linkedin.com/in/priya-natarajan-ops/' },
      jobTitle: 'Director of Operations',
      phones: ['+6591234567 (mobile)', '+6567890123'],
      companyDomain: 'orbital-freight.example',
    });
    // Tom Becker too: LinkedIn (profile link) and Gmail (address, signature) are one person.
    const tom = (await db.contacts.toArray()).filter((c) => c.name === 'Tom Becker');
    expect(tom).toHaveLength(1);
    expect(tom[0]).toMatchObject({ emails: ['tom.becker@orbital-freight.example'], phones: ['+6567890456'] });
    expect(tom[0]?.urls.linkedin).toBe('https://www.linkedin.com/in/tombecker-cfo/');
    expect(await db.deals.count()).toBe(await db.contacts.count());
  });

  it('ends ten simultaneous captures of a whole team page as one contact per person', async () => {
    const db = await freshDb();
    const all = fixture('generic/team-page');
    // Everyone the page names with an address, a profile or a company (a bare name matches nobody).
    const team = { ...all, candidates: all.candidates.filter(recognisable) };
    const people = team.candidates.length;
    expect(people).toBeGreaterThanOrEqual(10);
    await Promise.all(Array.from({ length: 10 }, (_, i) => saveCapture(db, team, later(i))));
    expect(await db.contacts.count()).toBe(people);
    expect(await db.deals.count()).toBe(people);
    expect(await db.activities.where('type').equals('captured').count()).toBe(people);
  });
});
