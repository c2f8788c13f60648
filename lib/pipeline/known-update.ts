import { phoneIdentity } from '../identity/keys';
import { lowerCase, unionBy } from '../identity/union';
import type { Candidate, Contact, Provenance } from '../model';
import { MAX_LIST } from '../model/limits';
import { allUrls, classifyUrls, mergeUrls, sameProfileUrls } from './profile-urls';

/**
 * What a page can add to a known person, field by field (issue #12.3). Kept light (no schemas, no domain list):
 * the popup works it out on its open path; the background applies it with the same rules (lib/pipeline/merge.ts).
 */
export const UPDATE_FIELDS = ['name', 'jobTitle', 'company', 'location', 'emails', 'phones', 'urls'] as const;
export type UpdateField = (typeof UPDATE_FIELDS)[number];

/**
 * Below this, a value was inferred rather than read (a company guessed from an email domain): it fills an empty
 * field but never replaces what a page said before.
 */
export const INFERRED = 0.35;

export interface FieldChange {
  field: UpdateField;
  /** A single-valued field: what is stored ('' for nothing) and what the page says. Lists: '' and ''. */
  from: string;
  to: string;
  /** A list (emails, phones, profile links): the values the page adds, as they would be stored. */
  added: string[];
  /** The rep edited this field by hand: it is never overwritten, only shown with the reason. */
  locked: boolean;
  /** Where the page's value came from (for "from the email signature"). */
  provenance: Provenance | undefined;
}

const SINGLE = ['name', 'jobTitle', 'company', 'location'] as const;

/**
 * The changes a capture of `cand` would bring to `contact`: each differing single-valued field (a value read with
 * little confidence never replaces a stored one), and each email, phone or profile link not stored yet. A field
 * the rep edited by hand is listed as locked instead of changed.
 */
export function offeredUpdate(contact: Contact, cand: Candidate): FieldChange[] {
  const edited = new Set(contact.editedFields);
  const out: FieldChange[] = [];
  for (const field of SINGLE) {
    const to = cand[field];
    const from = contact[field];
    if (!to || to === from) continue;
    const provenance = cand.provenance[field];
    if (from && (provenance?.confidence ?? 1) < INFERRED) continue;
    out.push({ field, from, to, added: [], locked: edited.has(field), provenance });
  }
  const lists = [
    ['emails', cand.emails, lowerCase],
    ['phones', cand.phones, phoneIdentity],
  ] as const;
  for (const [field, values, key] of lists) {
    const added = unionBy(contact[field], values, key, MAX_LIST).slice(contact[field].length);
    if (added.length) out.push({ field, from: '', to: '', added, locked: false, provenance: cand.provenance[field] });
  }
  const urls = mergeUrls(contact.urls, classifyUrls(cand.urls, cand.linkedinUrl), false);
  if (!sameProfileUrls(urls, contact.urls)) {
    const stored = new Set(allUrls(contact.urls));
    const added = allUrls(urls).filter((u) => !stored.has(u));
    if (added.length)
      out.push({
        field: 'urls',
        from: '',
        to: '',
        added,
        locked: false,
        provenance: cand.provenance.urls ?? cand.provenance.linkedinUrl,
      });
  }
  return out;
}

/** The fields offered ticked: every change but the locked ones. */
export function defaultTicked(changes: readonly FieldChange[]): UpdateField[] {
  return changes.filter((c) => !c.locked).map((c) => c.field);
}

/**
 * The page's person keeping only the chosen fields: what a capture of them would change is then exactly the
 * rep's choice (the given and family names go with the name).
 */
export function candidateWithOnly(cand: Candidate, fields: readonly UpdateField[]): Candidate {
  const keep = new Set(fields);
  const name = keep.has('name');
  const urls = keep.has('urls');
  return {
    ...cand,
    name: name ? cand.name : '',
    givenName: name ? cand.givenName : '',
    familyName: name ? cand.familyName : '',
    jobTitle: keep.has('jobTitle') ? cand.jobTitle : '',
    company: keep.has('company') ? cand.company : '',
    location: keep.has('location') ? cand.location : '',
    emails: keep.has('emails') ? cand.emails : [],
    phones: keep.has('phones') ? cand.phones : [],
    urls: urls ? cand.urls : [],
    linkedinUrl: urls ? cand.linkedinUrl : '',
  };
}
