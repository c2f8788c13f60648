import { describe, expect, it } from 'vitest';
import { Candidate, type CandidateInput, type PageCapture } from '@/lib/model';
import { saveCapture } from '@/lib/pipeline/capture';
import { findContacts } from '@/lib/pipeline/find-contact';
import { freshDb } from '../helpers';

const opts = { now: Date.UTC(2026, 10, 1), currency: 'USD', owner: 'rep' };
function page(c: CandidateInput): PageCapture {
  return { url: 'https://example.com/team', title: 'Team', site: 'web', candidates: [Candidate.parse(c)] };
}

// Issue #14: "Orbital Freight Pte. Ltd." and then "Orbital Freight" made two contacts.
describe('a company written with and without its legal form is one company', () => {
  for (const [first, second] of [
    ['Orbital Freight Pte. Ltd.', 'Orbital Freight'],
    ['Orbital Freight', 'Orbital Freight Pte. Ltd.'],
    ['PT Maju Jaya Tbk', 'Maju Jaya'],
    ['Nordlicht GmbH & Co. KG', 'Nordlicht'],
    ['Andes Trading S.A.', 'Andes Trading SA'],
  ]) {
    it(`captures "${first}" then "${second}" as one contact`, async () => {
      const db = await freshDb();
      await saveCapture(db, page({ name: 'Mei Tan', company: first }), opts);
      const [again] = await saveCapture(db, page({ name: 'Mei Tan', company: second }), { ...opts, now: opts.now + 1 });
      expect(again).toMatchObject({ created: false });
      expect(await db.contacts.count()).toBe(1);
      expect(await findContacts(db, { name: 'mei  tan', company: second })).toHaveLength(1);
    });
  }

  it('keeps a different company apart', async () => {
    const db = await freshDb();
    await saveCapture(db, page({ name: 'Mei Tan', company: 'Orbital Freight Pte. Ltd.' }), opts);
    const [other] = await saveCapture(db, page({ name: 'Mei Tan', company: 'Orbital Air Pte. Ltd.' }), opts);
    expect(other).toMatchObject({ created: true });
  });
});

describe('a phone number shared by a whole team', () => {
  // 300: the line's index rows are read whole and narrowed by the name's words; 600: past what is read whole,
  // narrowed through the words' index.
  it.each([300, 600])('finds the one person with that name and number among %i sharing the line', async (staff) => {
    const db = await freshDb();
    const src = { url: 'https://x.test', site: 'web', at: 1 };
    const line = '+62 21 555 0199';
    const { contactFromCandidate } = await import('@/lib/pipeline/merge');
    await db.contacts.bulkAdd(
      Array.from({ length: staff }, (_, i) =>
        contactFromCandidate(Candidate.parse({ name: `Staff Member ${i}`, phones: [line] }), src, `s${i}`),
      ),
    );
    await db.contacts.add(contactFromCandidate(Candidate.parse({ name: 'Siti Rahma', phones: [line] }), src, 'siti'));
    const found = await findContacts(db, { name: 'siti rahma', phones: ['021 555 0199'] });
    expect(found.map((c) => c.id)).toEqual(['siti']);
    expect(await findContacts(db, { name: 'Staff Member 7', phones: [line] })).toMatchObject([{ id: 's7' }]);
    expect(await findContacts(db, { name: 'Staff Member 7', phones: ['+62 21 555 0100'] })).toEqual([]);
  });
});
