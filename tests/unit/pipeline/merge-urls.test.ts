import { describe, expect, it } from 'vitest';
import { Candidate, type Contact } from '@/lib/model';
import { contactFromCandidate, mergeCandidate } from '@/lib/pipeline/merge';
import { sameProfileUrls } from '@/lib/pipeline/profile-urls';

const src = { url: 'https://example.com/', site: 'web', at: Date.UTC(2026, 10, 1) };

describe('merging profile links', () => {
  it('does not record a change when the same links come back, whatever key order they were stored in', () => {
    const cand = Candidate.parse({
      name: 'Jane Doe',
      urls: ['https://github.com/janedoe', 'https://acme.test/'],
      linkedinUrl: 'https://www.linkedin.com/in/janedoe/',
    });
    const stored = contactFromCandidate(cand, src, 'c1');
    // As a restore or an import may write it: the same slots, keys in another order.
    const { other, ...slots } = stored.urls;
    const reordered: Contact = { ...stored, urls: { other, ...Object.fromEntries(Object.entries(slots).reverse()) } };
    expect(JSON.stringify(reordered.urls)).not.toBe(JSON.stringify(stored.urls));
    expect(mergeCandidate(reordered, cand, { ...src, at: src.at + 1 }).changed).not.toContain('urls');
  });

  it('still sees a new link as a change', () => {
    const stored = contactFromCandidate(Candidate.parse({ name: 'Jane Doe', urls: ['https://acme.test/'] }), src, 'c1');
    const cand = Candidate.parse({ name: 'Jane Doe', urls: ['https://github.com/janedoe'] });
    expect(mergeCandidate(stored, cand, src).changed).toContain('urls');
    expect(sameProfileUrls({ other: ['a'] }, { other: ['b'] })).toBe(false);
    expect(sameProfileUrls({ website: 'a', other: [] }, { other: [] })).toBe(false);
  });
});
