import { evidence, isSamePerson } from '../identity/evidence';
import { linkedinKey } from '../identity/keys';
import type { Candidate, Contact } from '../model';
import { contactIdentity } from '../pipeline/find-contact';

/** How a stored contact was recognised, strongest first ('name': the same name at the same company). */
export type MatchKind = 'email' | 'linkedin' | 'phone' | 'name';

/** One person the popup shows: someone found on the page, a stored contact, or both. */
export interface PagePerson {
  /** Stable across re-renders: the contact's id when known, else the candidate's position on the page. */
  key: string;
  candidate: Candidate | null;
  contact: Contact | null;
  match: MatchKind | null;
  /** Higher is more likely the person the rep is looking at. */
  score: number;
}

/** What identifies a person on a page: the look-up findContacts takes. */
export interface PersonLookup {
  emails: string[];
  linkedinUrl: string;
  name: string;
  company: string;
  phones?: string[];
}

export function lookupOf(c: Candidate): PersonLookup {
  return {
    emails: c.emails,
    linkedinUrl: c.linkedinUrl || c.urls.find((u) => linkedinKey(u) !== '') || '',
    name: c.name,
    company: c.company,
    phones: c.phones,
  };
}

/**
 * Why `contact` is `candidate`, or null when it is not: lib/identity's evidence, the rule findContacts applies,
 * so every contact the look-up found is shown as known (issue #14: one found by the company written without its
 * legal form was dropped here and shown as new).
 */
export function matchKind(candidate: Candidate, contact: Contact): MatchKind | null {
  const e = evidence(contactIdentity(contact), lookupOf(candidate));
  if (!isSamePerson(e)) return null;
  const best = e.reasons[0];
  return best === 'email' || best === 'linkedin' || best === 'phone' ? best : 'name';
}

const MATCH_SCORE: Record<MatchKind, number> = { email: 100, linkedin: 100, phone: 90, name: 60 };
/** At most this many same-name-same-company contacts are offered for one person with no stronger match. */
export const MAX_NAME_MATCHES = 3;

/**
 * The people on a page, most likely first. Known people come before new ones (the rep opened the popup to see
 * where someone stands), an email or LinkedIn match before a name-and-company one (two people can share a name
 * at a large company); the owner of the profile being viewed (the tab's LinkedIn URL) outranks people merely
 * mentioned on it; then the extractor's confidence; then the order on the page. A person with an exact match
 * is not also offered their namesakes; several namesakes with no exact match are offered as possible matches.
 * Each stored contact appears once.
 */
export function rankPeople(
  found: readonly { candidate: Candidate; contacts: readonly Contact[] }[],
  tabUrl = '',
): PagePerson[] {
  const pageProfile = linkedinKey(tabUrl);
  const people: PagePerson[] = [];
  const seen = new Set<string>();
  found.forEach(({ candidate, contacts }, index) => {
    const profileOwner = pageProfile !== '' && linkedinKey(lookupOf(candidate).linkedinUrl) === pageProfile;
    const base = (profileOwner ? 50 : 0) + candidate.confidence * 20 - index * 0.01;
    const matched = contacts
      .map((contact) => ({ contact, match: matchKind(candidate, contact) }))
      .filter((m): m is { contact: Contact; match: MatchKind } => m.match !== null);
    const exact = matched.filter((m) => m.match !== 'name');
    // Namesakes (no exact match): the most recently touched first, a few at most.
    const chosen = exact.length
      ? exact
      : matched.sort((a, b) => b.contact.updatedAt - a.contact.updatedAt).slice(0, MAX_NAME_MATCHES);
    const fresh = chosen.filter((m) => !seen.has(m.contact.id));
    for (const m of fresh) {
      seen.add(m.contact.id);
      people.push({
        key: m.contact.id,
        candidate,
        contact: m.contact,
        match: m.match,
        score: base + MATCH_SCORE[m.match],
      });
    }
    if (!chosen.length) people.push({ key: `page:${index}`, candidate, contact: null, match: null, score: base });
  });
  return people.sort((a, b) => b.score - a.score);
}

/** A stored contact found without the page (from the tab's URL), before the page has been read. */
export function personFromContact(contact: Contact, match: MatchKind): PagePerson {
  return { key: contact.id, candidate: null, contact, match, score: MATCH_SCORE[match] + 50 };
}
