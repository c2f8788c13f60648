import { describe, expect, it } from 'vitest';
import { type Candidate, type CandidateInput, Candidate as CandidateSchema, type Contact } from '@/lib/model';
import { contactFromCandidate } from '@/lib/pipeline/merge';
import { identifyPeople } from '@/lib/popup/identify';
import { MAX_NAME_MATCHES, matchKind, rankPeople } from '@/lib/popup/rank-people';
import { freshDb } from '../helpers';

const cand = (c: CandidateInput): Candidate => CandidateSchema.parse(c);
let n = 0;
const contact = (c: CandidateInput, updatedAt = 1): Contact => ({
  ...contactFromCandidate(cand(c), { url: 'https://x.test', site: 'web', at: 1 }, `c${++n}`),
  updatedAt,
});

describe('matchKind', () => {
  const dewi = contact({
    name: 'Dewi Lestari',
    company: 'Nusantara Logistics',
    emails: ['Dewi@Nusantara.test'],
    linkedinUrl: 'https://www.linkedin.com/in/dewi-l/',
  });
  it('says how a stored contact was recognised, strongest evidence first', () => {
    expect(matchKind(cand({ emails: ['dewi@nusantara.test'] }), dewi)).toBe('email');
    expect(matchKind(cand({ urls: ['https://id.linkedin.com/in/DEWI-L?trk=x'] }), dewi)).toBe('linkedin');
    expect(matchKind(cand({ name: 'dewi lestari', company: 'PT Nusantara Logistics' }), dewi)).toBe('name');
    expect(matchKind(cand({ name: 'Dewi Lestari' }), dewi)).toBeNull();
    expect(matchKind(cand({ name: 'Dewi Lestari', company: 'Acme' }), dewi)).toBeNull();
  });
});

describe('rankPeople', () => {
  it('puts known people first, exact matches before name matches, then confidence, then page order', () => {
    const agus = contact({ name: 'Agus Wijaya', company: 'Sinar Abadi', emails: ['agus@sinar.test'] });
    const siti = contact({ name: 'Siti Rahma', company: 'Sinar Abadi', emails: ['siti@sinar.test'] });
    const people = rankPeople([
      { candidate: cand({ name: 'Rep', emails: ['me@rep.test'], confidence: 0.9 }), contacts: [] },
      { candidate: cand({ name: 'Siti Rahma', company: 'Sinar Abadi', confidence: 0.5 }), contacts: [siti] },
      { candidate: cand({ name: 'Agus Wijaya', emails: ['agus@sinar.test'], confidence: 0.4 }), contacts: [agus] },
      { candidate: cand({ name: 'New Person', emails: ['new@x.test'], confidence: 0.9 }), contacts: [] },
    ]);
    expect(people.map((p) => [p.contact?.name ?? p.candidate?.name, p.match])).toEqual([
      ['Agus Wijaya', 'email'],
      ['Siti Rahma', 'name'],
      ['Rep', null],
      ['New Person', null],
    ]);
    expect(people[2]!.key).toBe('page:0');
    expect(people[0]!.key).toBe(agus.id);
  });

  it('ranks the owner of the LinkedIn profile being viewed above people mentioned on it', () => {
    const owner = contact({ name: 'Budi Santoso', linkedinUrl: 'https://www.linkedin.com/in/budi/' });
    const other = contact({ name: 'Siti', emails: ['siti@x.test'] });
    const people = rankPeople(
      [
        { candidate: cand({ name: 'Siti', emails: ['siti@x.test'], confidence: 1 }), contacts: [other] },
        {
          candidate: cand({ name: 'Budi', urls: ['https://id.linkedin.com/in/budi'], confidence: 0.3 }),
          contacts: [owner],
        },
      ],
      'https://www.linkedin.com/in/budi/?originalSubdomain=id',
    );
    expect(people.map((p) => p.contact?.id)).toEqual([owner.id, other.id]);
  });

  it('does not offer namesakes next to an exact match, and offers a few namesakes (latest first) otherwise', () => {
    const exact = contact({ name: 'Dewi Lestari', company: 'Acme', emails: ['dewi@acme.test'] });
    const namesakes = [1, 5, 3, 4, 2].map((u) => contact({ name: 'Dewi Lestari', company: 'Acme' }, u));
    const withExact = rankPeople([
      {
        candidate: cand({ name: 'Dewi Lestari', company: 'Acme', emails: ['dewi@acme.test'] }),
        contacts: [...namesakes, exact],
      },
    ]);
    expect(withExact.map((p) => p.contact?.id)).toEqual([exact.id]);
    const without = rankPeople([{ candidate: cand({ name: 'Dewi Lestari', company: 'Acme' }), contacts: namesakes }]);
    expect(without).toHaveLength(MAX_NAME_MATCHES);
    expect(without.every((p) => p.match === 'name')).toBe(true);
    expect(without.map((p) => p.contact?.updatedAt)).toEqual([5, 4, 3]);
  });

  it('lists a contact found by several candidates once', () => {
    const siti = contact({ name: 'Siti Rahma', company: 'Sinar', emails: ['siti@sinar.test'] });
    const people = rankPeople([
      { candidate: cand({ name: 'Siti Rahma', emails: ['siti@sinar.test'] }), contacts: [siti] },
      { candidate: cand({ name: 'Siti Rahma', company: 'Sinar' }), contacts: [siti] },
    ]);
    expect(people.map((p) => p.contact?.id)).toEqual([siti.id]);
  });
});

describe('identifyPeople', () => {
  it('matches candidates against the store and names the profile owner from the URL alone', async () => {
    const db = await freshDb();
    const budi = contact({
      name: 'Budi Santoso',
      company: 'Maju Jaya',
      linkedinUrl: 'https://www.linkedin.com/in/budi-s/',
    });
    const gone = { ...contact({ name: 'Gone', linkedinUrl: 'https://www.linkedin.com/in/budi-s/' }), deletedAt: 5 };
    await db.contacts.bulkAdd([budi, gone]);
    const fromUrl = await identifyPeople(db, null, 'https://id.linkedin.com/in/budi-s?trk=feed');
    expect(fromUrl.map((p) => [p.contact?.id, p.match, p.candidate])).toEqual([[budi.id, 'linkedin', null]]);
    expect(await identifyPeople(db, null, 'https://example.com/team')).toEqual([]);

    const people = await identifyPeople(
      db,
      [cand({ name: 'Someone New', emails: ['new@x.test'] }), cand({ name: 'Budi Santoso', company: 'PT Maju Jaya' })],
      'https://example.com/team',
    );
    expect(people.map((p) => [p.contact?.name ?? p.candidate?.name, p.match])).toEqual([
      ['Budi Santoso', 'name'],
      ['Someone New', null],
    ]);
  });
});

// Issue #14: the look-up found a contact stored as "Orbital Freight" for "Orbital Freight Pte. Ltd." but
// rankPeople dropped it, so the popup showed a known person as new.
describe('a known person whose company is written with or without its legal form', () => {
  for (const [stored, onPage] of [
    ['Orbital Freight', 'Orbital Freight Pte. Ltd.'],
    ['Orbital Freight Pte. Ltd.', 'Orbital Freight'],
  ]) {
    it(`shows a contact stored at "${stored}" as known when the page says "${onPage}"`, async () => {
      const db = await freshDb();
      const mei = contact({ name: 'Mei Tan', company: stored });
      await db.contacts.add(mei);
      const people = await identifyPeople(db, [cand({ name: 'Mei Tan', company: onPage })], 'https://example.com/');
      expect(people.map((p) => [p.contact?.id, p.match])).toEqual([[mei.id, 'name']]);
    });
  }

  it('knows a person by the same name and phone, and not by a shared office line alone', () => {
    const siti = contact({ name: 'Siti Rahma', phones: ['+62 812-3456-7890'] });
    expect(matchKind(cand({ name: 'siti rahma', phones: ['0812 3456 7890'] }), siti)).toBe('phone');
    expect(matchKind(cand({ name: 'Budi Santoso', phones: ['0812 3456 7890'] }), siti)).toBeNull();
  });
});
