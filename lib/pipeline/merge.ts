import { companyDomainOf } from '../extract/normalise/company';
import { linkedinKey, nameKey, phoneIdentity } from '../identity/keys';
import { lowerCase, unionBy } from '../identity/union';
import type { Candidate, Contact, ContactField, Provenance } from '../model';
import { MAX_LIST } from '../model';
import { INFERRED } from './known-update';
import { classifyUrls, mergeUrls, sameProfileUrls } from './profile-urls';

export interface CaptureSource {
  url: string;
  site: string;
  at: number;
}

const SINGLE_FIELDS = ['name', 'givenName', 'familyName', 'jobTitle', 'company', 'companyDomain', 'location'] as const;

function stamp(p: Provenance | undefined, src: CaptureSource, fallback: string): Provenance {
  return { source: p?.source ?? fallback, detail: p?.detail, url: src.url, at: src.at, confidence: p?.confidence };
}

/** Lists a contact keeps: phones compare as one number however written (lib/identity), the rest ignoring case. */
const union = (a: readonly string[], b: readonly string[], key = lowerCase) => unionBy(a, b, key, MAX_LIST);

/** The organisation's domain behind the first work address (free-mail addresses say nothing), or ''. */
function emailDomain(emails: readonly string[]): string {
  for (const e of emails) {
    const d = companyDomainOf(e);
    if (d) return d;
  }
  return '';
}

/** Recomputes the dedupe keys a contact is found by. Call on every write. */
export function withKeys(c: Contact): Contact {
  return { ...c, nameKey: nameKey(c.name, c.company), linkedinKey: linkedinKey(c.urls.linkedin ?? '') };
}

/** The candidate's title and degrees, where the page gave them. */
function honorifics(cand: Candidate): { honorificPrefix?: string; honorificSuffix?: string } {
  return {
    ...(cand.honorificPrefix ? { honorificPrefix: cand.honorificPrefix } : {}),
    ...(cand.honorificSuffix ? { honorificSuffix: cand.honorificSuffix } : {}),
  };
}

/** A new contact from a captured candidate. */
export function contactFromCandidate(cand: Candidate, src: CaptureSource, id: string): Contact {
  const provenance: Record<string, Provenance> = {};
  for (const [field, p] of Object.entries(cand.provenance)) provenance[field] = stamp(p, src, 'page');
  return withKeys({
    id,
    name: cand.name,
    givenName: cand.givenName,
    familyName: cand.familyName,
    jobTitle: cand.jobTitle,
    company: cand.company,
    companyDomain: emailDomain(cand.emails),
    emails: union(cand.emails, []),
    phones: union(cand.phones, [], phoneIdentity),
    urls: classifyUrls(cand.urls, cand.linkedinUrl),
    location: cand.location,
    ...honorifics(cand),
    tags: [],
    notes: '',
    source: { url: src.url, site: src.site, capturedAt: src.at },
    provenance,
    editedFields: [],
    nameKey: '',
    linkedinKey: '',
    createdAt: src.at,
    updatedAt: src.at,
    deletedAt: null,
    mergedInto: null,
  });
}

/**
 * A later capture of a known contact. Keeps every distinct email, phone and link; a single-valued field takes
 * the newer, non-empty value unless the rep edited that field by hand, or the new value was only inferred
 * (confidence below INFERRED) and the contact already has one. Returns the fields that changed and, for
 * single-valued ones, what they were before (for the activity).
 */
export function mergeCandidate(
  contact: Contact,
  cand: Candidate,
  src: CaptureSource,
): { contact: Contact; changed: ContactField[]; previous: Partial<Record<ContactField, string>> } {
  const next: Contact = { ...contact, provenance: { ...contact.provenance } };
  const changed: ContactField[] = [];
  const previous: Partial<Record<ContactField, string>> = {};
  const edited = new Set(contact.editedFields);
  for (const field of SINGLE_FIELDS) {
    const value = field === 'companyDomain' ? '' : cand[field];
    if (!value || value === contact[field] || edited.has(field)) continue;
    if (contact[field] && (cand.provenance[field]?.confidence ?? 1) < INFERRED) continue;
    if (contact[field]) previous[field] = contact[field];
    next[field] = value;
    next.provenance[field] = stamp(cand.provenance[field], src, 'page');
    changed.push(field);
  }
  const lists = [
    ['emails', cand.emails, lowerCase],
    ['phones', cand.phones, phoneIdentity],
  ] as const;
  for (const [field, values, key] of lists) {
    const merged = union(contact[field], values, key);
    if (merged.length !== contact[field].length) {
      next[field] = merged;
      next.provenance[field] = stamp(cand.provenance[field], src, 'page');
      changed.push(field);
    }
  }
  const urls = mergeUrls(contact.urls, classifyUrls(cand.urls, cand.linkedinUrl), false);
  if (!sameProfileUrls(urls, contact.urls)) {
    next.urls = urls;
    next.provenance.urls = stamp(cand.provenance.urls ?? cand.provenance.linkedinUrl, src, 'page');
    changed.push('urls');
  }
  if (!next.companyDomain) next.companyDomain = emailDomain(next.emails);
  // Titles and degrees the contact lacks are kept from the page (they never replace what is stored).
  for (const [key, value] of Object.entries(honorifics(cand)) as [keyof ReturnType<typeof honorifics>, string][])
    if (!next[key]) next[key] = value;
  if (changed.length) next.updatedAt = src.at;
  return { contact: withKeys(next), changed, previous };
}

/** True when a candidate carries enough to identify a person. */
export function isIdentifiable(c: Candidate): boolean {
  return !!(c.name.trim() || c.emails.length || linkedinKey(c.linkedinUrl));
}
