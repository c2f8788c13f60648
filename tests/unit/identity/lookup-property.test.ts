import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evidence, evidenceRank, isSamePerson, REASONS } from '@/lib/identity/evidence';
import { Candidate } from '@/lib/model';
import { contactIdentity, findContacts } from '@/lib/pipeline/find-contact';
import { contactFromCandidate } from '@/lib/pipeline/merge';
import { freshDb } from '../helpers';

// A small world, so that people collide often: a few names, companies written with and without their legal
// form in both orders and spellings, shared emails, profiles and phone numbers written several ways.
const names = fc.constantFrom('Mei Tan', 'mei  TAN', 'Budi Santoso', 'Ana', '');
const bases = fc.constantFrom('Orbital Freight', 'Maju Jaya', 'Acme', '');
const forms = fc.constantFrom(
  '',
  ' Pte. Ltd.',
  ' Pte Ltd',
  ', Ltd. Pte.',
  ' Ltd',
  ' Tbk',
  ', Inc.',
  ' S.A.',
  ' GmbH & Co. KG',
);
const leading = fc.constantFrom('', 'PT ', 'CV ');
const company = fc.tuple(leading, bases, forms).map(([a, b, c]) => (b ? a + b + c : ''));
const emails = fc.subarray(['mei@orbital.test', 'budi@maju.test', 'ana@acme.test']);
const phones = fc.subarray(['+65 6123 4567', '6123 4567 89', '+62 812-3456-7890', '0812 3456 7890']);
const linkedin = fc.constantFrom('', 'https://www.linkedin.com/in/mei-tan/', 'https://id.linkedin.com/in/Mei-Tan?x=1');
const person = fc.record({ name: names, company, emails, phones, linkedinUrl: linkedin });

/** A fresh database holding these people as contacts, ids c0, c1… */
async function storedPeople(stored: readonly object[]) {
  const db = await freshDb();
  const contacts = stored.map((p, i) =>
    contactFromCandidate(Candidate.parse(p), { url: 'https://x.test', site: 'web', at: 1 }, `c${i}`),
  );
  await db.contacts.bulkAdd(contacts);
  return { db, contacts };
}

describe('the contact look-up and evidence give one answer', () => {
  it('findContacts finds a stored contact exactly when evidence says it is the same person', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(person, { minLength: 1, maxLength: 6 }), person, async (stored, query) => {
        const { db, contacts } = await storedPeople(stored);
        const found = (await findContacts(db, query)).map((c) => c.id).sort();
        const expected = contacts
          .filter((c) => isSamePerson(evidence(contactIdentity(c), query)))
          .map((c) => c.id)
          .sort();
        expect(found).toEqual(expected);
        db.close();
      }),
      { numRuns: 100 },
    );
    // A fresh database per run: slow on a loaded machine, and no timing is asserted.
  }, 60_000);

  it('with namesakesOnlyAlone, the same-name-same-company contacts come only when nothing stronger is found', async () => {
    const nameCompany = REASONS.indexOf('name-company');
    await fc.assert(
      fc.asyncProperty(fc.array(person, { minLength: 1, maxLength: 6 }), person, async (stored, query) => {
        const { db, contacts } = await storedPeople(stored);
        const all = await findContacts(db, query);
        const found = await findContacts(db, query, { namesakesOnlyAlone: true });
        const rank = (c: (typeof contacts)[number]) => evidenceRank(evidence(contactIdentity(c), query));
        const stronger = all.filter((c) => rank(c) < nameCompany);
        // Everything stronger than a namesake, in the same order; the namesakes only when there is nothing else.
        expect(found.map((c) => c.id)).toEqual((stronger.length ? stronger : all).map((c) => c.id));
        // So whoever takes the first match (the badge, the popup's ranking) gets the same one.
        expect(found[0]?.id).toBe(all[0]?.id);
        db.close();
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('a company with "Pte. Ltd." is found without it and the other way round, whichever was stored first', async () => {
    await fc.assert(
      fc.asyncProperty(bases.filter(Boolean), forms, fc.boolean(), async (base, form, storedWithForm) => {
        const db = await freshDb();
        const [first, second] = storedWithForm ? [base + form, base] : [base, base + form];
        const contact = contactFromCandidate(
          Candidate.parse({ name: 'Mei Tan', company: first }),
          { url: 'https://x.test', site: 'web', at: 1 },
          'c1',
        );
        await db.contacts.add(contact);
        const query = { name: 'Mei Tan', company: second };
        expect(isSamePerson(evidence(contactIdentity(contact), query))).toBe(true);
        expect((await findContacts(db, query)).map((c) => c.id)).toEqual(['c1']);
        db.close();
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
