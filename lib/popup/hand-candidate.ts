import { linkedinKey, linkedinUrlFromKey } from '../identity/keys';
import type { Candidate, PageCapture } from '../model';

/** Where the "Add a person by hand" form's first values came from. */
export type HandSource = 'selection' | 'page' | 'empty';

/** A candidate with nothing in it, in the model's default shape (built by hand: the popup loads no zod). */
export function emptyCandidate(): Candidate {
  return {
    name: '',
    givenName: '',
    familyName: '',
    jobTitle: '',
    company: '',
    emails: [],
    phones: [],
    urls: [],
    linkedinUrl: '',
    location: '',
    provenance: {},
    confidence: 1,
  };
}

/**
 * The first values of the "Add a person by hand" form: the person in the rep's selection if they selected one
 * (read like "Save selection as prospect"), else the page's best guess (its most likely person, or the profile
 * the tab's URL names), else nothing. Pure: the selection arrives already read and prepared.
 */
export function handCandidate(
  selection: PageCapture | null,
  page: PageCapture | null,
  tabUrl: string,
): { candidate: Candidate; from: HandSource } {
  const picked = selection?.candidates.find((c) => c.kind !== 'organization');
  if (picked) return { candidate: picked, from: 'selection' };
  const guess = page?.candidates.find((c) => c.kind !== 'organization');
  if (guess) return { candidate: guess, from: 'page' };
  const key = linkedinKey(tabUrl);
  if (key) {
    const url = linkedinUrlFromKey(key);
    return {
      candidate: {
        ...emptyCandidate(),
        linkedinUrl: url,
        provenance: { linkedinUrl: { source: 'linkedin', detail: 'URL' } },
      },
      from: 'page',
    };
  }
  return { candidate: emptyCandidate(), from: 'empty' };
}
