import { linkedinKey, linkedinUrlFromKey } from '../identity/keys';
import type { Candidate, Contact, ContactPatch, ProfileUrls } from '../model';
import { parseEmails, parsePhones } from './edits';

/** The fields of a found person the review form shows, as the form holds them (lists one value per line). */
export const REVIEW_FIELDS = ['name', 'jobTitle', 'company', 'emails', 'phones', 'linkedinUrl', 'location'] as const;
export type ReviewField = (typeof REVIEW_FIELDS)[number];
export type ReviewValues = Record<ReviewField, string>;

export function reviewValues(c: Candidate): ReviewValues {
  return {
    name: c.name,
    jobTitle: c.jobTitle,
    company: c.company,
    emails: c.emails.join('\n'),
    phones: c.phones.join('\n'),
    linkedinUrl: c.linkedinUrl,
    location: c.location,
  };
}

const normal = (field: ReviewField, v: string) =>
  field === 'emails' ? parseEmails(v).join('\n') : field === 'phones' ? parsePhones(v).join('\n') : v.trim();

/** The fields the rep changed in the form (whitespace and list formatting aside). */
export function editedFields(initial: ReviewValues, values: ReviewValues): ReviewField[] {
  return REVIEW_FIELDS.filter((f) => normal(f, initial[f]) !== normal(f, values[f]));
}

/** The person as the rep reviewed it: the form's values; the fields they changed say they came from the rep. */
export function editedCandidate(c: Candidate, values: ReviewValues): Candidate {
  const provenance = { ...c.provenance };
  for (const f of editedFields(reviewValues(c), values)) provenance[f] = { source: 'manual' };
  return {
    ...c,
    name: values.name.trim(),
    jobTitle: values.jobTitle.trim(),
    company: values.company.trim(),
    emails: parseEmails(values.emails),
    phones: parsePhones(values.phones),
    linkedinUrl: values.linkedinUrl.trim(),
    location: values.location.trim(),
    // Typed names replace the page's: the given/family split no longer matches.
    ...(provenance.name?.source === 'manual' ? { givenName: '', familyName: '' } : {}),
    provenance,
  };
}

/**
 * The contact.update that marks the rep's changes as theirs (protected from later captures). The LinkedIn URL
 * lives in the contact's profile links: it replaces that slot and keeps the others.
 */
export function reviewContactPatch(
  changed: readonly ReviewField[],
  values: ReviewValues,
  urls: ProfileUrls,
): ContactPatch {
  const patch: ContactPatch = {};
  for (const f of changed) {
    if (f === 'emails') patch.emails = parseEmails(values.emails);
    else if (f === 'phones') patch.phones = parsePhones(values.phones);
    else if (f === 'linkedinUrl') {
      const key = linkedinKey(values.linkedinUrl);
      const { linkedin: _, ...rest } = urls;
      patch.urls = key ? { ...rest, linkedin: linkedinUrlFromKey(key) } : rest;
    } else patch[f] = values[f].trim();
  }
  return patch;
}

/**
 * The review's hand edits when the save found someone already stored: they add to what is known, never erase
 * it. An emptied field is left as stored (the rep cleared the page's value, not the contact's), and typed emails
 * and phones join the stored ones instead of replacing them.
 */
export function patchForKnown(patch: ContactPatch, stored: Pick<Contact, 'emails' | 'phones'>): ContactPatch {
  const out: ContactPatch = {};
  for (const [key, value] of Object.entries(patch) as [keyof ContactPatch, unknown][]) {
    if (key === 'emails' || key === 'phones') {
      const typed = value as string[];
      const have = stored[key];
      const seen = new Set(have.map((v) => v.toLowerCase()));
      const added = typed.filter((v) => !seen.has(v.toLowerCase()));
      if (added.length) out[key] = [...have, ...added];
    } else if (typeof value === 'string' ? value.trim() !== '' : value !== undefined) {
      (out as Record<string, unknown>)[key] = value;
    }
  }
  return out;
}
