import { describe, expect, it } from 'vitest';
import { Candidate, type PageCapture } from '@/lib/model';
import { emptyCandidate, handCandidate } from '@/lib/popup/hand-candidate';
import { patchForKnown } from '@/lib/popup/review';

const capture = (...names: string[]): PageCapture => ({
  url: 'https://x.test/',
  title: '',
  site: 'web',
  candidates: names.map((name) => Candidate.parse({ name })),
});

describe('the "Add a person by hand" form’s first values', () => {
  it('come from the selection first, then the page’s best guess, then the profile in the URL, else nothing', () => {
    expect(handCandidate(capture('Sel Ected'), capture('Page Person'), '').candidate.name).toBe('Sel Ected');
    expect(handCandidate(capture('Sel Ected'), capture('Page Person'), '').from).toBe('selection');
    expect(handCandidate(null, capture('Page Person'), '')).toMatchObject({
      from: 'page',
      candidate: { name: 'Page Person' },
    });
    expect(handCandidate(capture(), null, 'https://www.linkedin.com/in/ayu-p/?x=1')).toMatchObject({
      from: 'page',
      candidate: { linkedinUrl: 'https://www.linkedin.com/in/ayu-p/' },
    });
    expect(handCandidate(null, null, 'https://x.test/')).toEqual({ from: 'empty', candidate: emptyCandidate() });
  });

  it('is a valid candidate in the model’s shape (built without zod)', () => {
    expect(Candidate.parse(emptyCandidate())).toEqual(emptyCandidate());
  });
});

describe('hand edits on someone already stored', () => {
  it('add to what is known and never erase it', () => {
    const stored = { emails: ['ayu@maju.test'], phones: ['+62215550100'] };
    expect(
      patchForKnown(
        { name: '', jobTitle: 'CFO', emails: ['AYU@maju.test', 'ayu@home.test'], phones: ['+62215550100'] },
        stored,
      ),
    ).toEqual({ jobTitle: 'CFO', emails: ['ayu@maju.test', 'ayu@home.test'] });
    expect(patchForKnown({ company: '  ', emails: ['ayu@maju.test'] }, stored)).toEqual({});
  });
});
