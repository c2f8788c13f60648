import { linkedinKey, nameKey } from '../db/keys';
import type { Candidate, Contact, ContactField, Provenance } from '../model';
import { MAX_LIST } from '../model';
import { classifyUrls, mergeUrls } from './profile-urls';

export interface CaptureSource {
  url: string;
  site: string;
  at: number;
}

const SINGLE_FIELDS = ['name', 'givenName', 'familyName', 'jobTitle', 'company', 'companyDomain', 'location'] as const;

function stamp(p: Provenance | undefined, src: CaptureSource, fallback: string): Provenance {
  return { source: p?.source ?? fallback, detail: p?.detail, url: src.url, at: src.at, confidence: p?.confidence };
}

function union(a: readonly string[], b: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of [...a, ...b]) {
    const key = v.toLowerCase();
    if (!v || seen.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  return out.slice(0, MAX_LIST);
}

function emailDomain(emails: readonly string[]): string {
  return emails[0]?.split('@')[1] ?? '';
}

/** Recomputes the dedupe keys a contact is found by. Call on every write. */
export function withKeys(c: Contact): Contact {
  return { ...c, nameKey: nameKey(c.name, c.company), linkedinKey: linkedinKey(c.urls.linkedin ?? '') };
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
    companyDomain: cand.company ? emailDomain(cand.emails) : '',
    emails: union(cand.emails, []),
    phones: union(cand.phones, []),
    urls: classifyUrls(cand.urls, cand.linkedinUrl),
    location: cand.location,
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
 * the newer, non-empty value unless the rep edited that field by hand. Returns the fields that changed.
 */
export function mergeCandidate(
  contact: Contact,
  cand: Candidate,
  src: CaptureSource,
): { contact: Contact; changed: ContactField[] } {
  const next: Contact = { ...contact, provenance: { ...contact.provenance } };
  const changed: ContactField[] = [];
  const edited = new Set(contact.editedFields);
  for (const field of SINGLE_FIELDS) {
    const value = field === 'companyDomain' ? '' : cand[field];
    if (!value || value === contact[field] || edited.has(field)) continue;
    next[field] = value;
    next.provenance[field] = stamp(cand.provenance[field], src, 'page');
    changed.push(field);
  }
  const lists = [
    ['emails', cand.emails],
    ['phones', cand.phones],
  ] as const;
  for (const [field, values] of lists) {
    const merged = union(contact[field], values);
    if (merged.length !== contact[field].length) {
      next[field] = merged;
      next.provenance[field] = stamp(cand.provenance[field], src, 'page');
      changed.push(field);
    }
  }
  const urls = mergeUrls(contact.urls, classifyUrls(cand.urls, cand.linkedinUrl), false);
  if (JSON.stringify(urls) !== JSON.stringify(contact.urls)) {
    next.urls = urls;
    next.provenance.urls = stamp(cand.provenance.urls ?? cand.provenance.linkedinUrl, src, 'page');
    changed.push('urls');
  }
  if (!next.companyDomain && next.company) next.companyDomain = emailDomain(next.emails);
  if (changed.length) next.updatedAt = src.at;
  return { contact: withKeys(next), changed };
}

/** True when a candidate carries enough to identify a person. */
export function isIdentifiable(c: Candidate): boolean {
  return !!(c.name.trim() || c.emails.length || linkedinKey(c.linkedinUrl));
}
