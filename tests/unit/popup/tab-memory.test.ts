import { describe, expect, it } from 'vitest';
import { contactFromCandidate } from '@/lib/pipeline/merge';
import { identifyPeople } from '@/lib/popup/identify';
import { MAX_TABS, recall, recalled, remember, withTab } from '@/lib/popup/tab-memory';
import { freshDb } from '../helpers';

const person = (contactId: string) => ({ contactId, match: 'email' as const });

describe('tab memory', () => {
  it('remembers who was found per tab and URL, the latest tabs only', () => {
    let memory = {};
    for (let tab = 1; tab <= MAX_TABS + 5; tab++)
      memory = withTab(memory, tab, { url: `https://x.test/${tab}`, people: [person(`c${tab}`)], at: tab });
    expect(Object.keys(memory)).toHaveLength(MAX_TABS);
    expect(recalled(memory, 1, 'https://x.test/1')).toEqual([]);
    expect(recalled(memory, MAX_TABS + 5, `https://x.test/${MAX_TABS + 5}`)).toEqual([person(`c${MAX_TABS + 5}`)]);
    // Another page in the same tab: nobody remembered.
    expect(recalled(memory, MAX_TABS + 5, 'https://x.test/other')).toEqual([]);
    // Nobody known any more: the entry goes.
    memory = withTab(memory, MAX_TABS + 5, { url: 'https://x.test/', people: [], at: 99 });
    expect(recalled(memory, MAX_TABS + 5, 'https://x.test/')).toEqual([]);
    expect(recalled('junk', 1, 'https://x.test/1')).toEqual([]);
    expect(recalled({ 1: { url: 'u', people: [{ contactId: 5, match: 'x' }] } }, 1, 'u')).toEqual([]);
  });

  it('round-trips through session storage', async () => {
    await remember(4, 'https://x.test/a', [person('c1')], 1);
    expect(await recall(4, 'https://x.test/a')).toEqual([person('c1')]);
    expect(await recall(4, 'https://x.test/b')).toEqual([]);
    expect(await recall(undefined, 'https://x.test/a')).toEqual([]);
  });

  it('shows the remembered contacts that are still in the store, until the page is read', async () => {
    const db = await freshDb();
    const src = { url: 'https://x.test', site: 'web', at: 1 };
    const base = {
      givenName: '',
      familyName: '',
      jobTitle: '',
      company: '',
      phones: [],
      urls: [],
      linkedinUrl: '',
      location: '',
      provenance: {},
      confidence: 1,
    };
    await db.contacts.bulkAdd([
      contactFromCandidate({ ...base, name: 'A', emails: ['a@x.test'] }, src, 'a'),
      { ...contactFromCandidate({ ...base, name: 'B', emails: ['b@x.test'] }, src, 'b'), deletedAt: 2 },
    ]);
    const people = await identifyPeople(db, null, 'https://x.test/team', [person('b'), person('a'), person('gone')]);
    expect(people.map((p) => [p.contact?.id, p.match])).toEqual([['a', 'email']]);
  });
});
