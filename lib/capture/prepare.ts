import { getDomain } from 'tldts';
import { threadPeople } from '../extract/email/thread';
import { combine, mergeCandidates } from '../extract/merge-candidates';
import { companyFromEmail } from '../extract/normalise/company';
import { inferCountries } from '../extract/normalise/country';
import { normaliseEmail } from '../extract/normalise/email';
import { type NameParts, normaliseName } from '../extract/normalise/name';
import { normalisePhone } from '../extract/normalise/phone';
import { normaliseUrl } from '../extract/normalise/url';
import { cleanText } from '../extract/text';
import type { FieldSource, RawCandidate } from '../extract/types';
import { foldText } from '../identity/keys';
import { type Candidate, MAX_LIST, MAX_TEXT, PageCapture } from '../model';
import { hCardCandidates } from './h-card';
import { CANDIDATE_FIELDS, type RawPageCapture } from './raw';

/** People a capture shows at most (PageCapture's limit). */
export const MAX_CANDIDATES = 200;
/** Sources whose phone numbers come from running text and must parse as real numbers to be kept. */
const TEXT_SOURCES = new Set(['visible-text']);

function uniq(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))].slice(0, MAX_LIST);
}

function provenanceOf(raw: RawCandidate, field: string): FieldSource | undefined {
  const p = raw.provenance?.[field];
  return p
    ? { source: cleanText(p.source, 64), detail: cleanText(p.detail ?? '', MAX_TEXT), confidence: p.confidence }
    : undefined;
}

/** One raw candidate with every value normalised: names split, emails validated, phones in E.164, URLs canonical. */
export function normaliseCandidate(raw: RawCandidate, page: { url: string; lang: string }): RawCandidate {
  const org = raw.kind === 'organization';
  const parts: NameParts = org ? { name: cleanText(raw.name), givenName: '', familyName: '' } : normaliseName(raw.name);
  const given = cleanText(raw.givenName);
  const family = cleanText(raw.familyName);
  const name = parts.name || normaliseName(`${given} ${family}`).name;
  const emails = uniq((raw.emails ?? []).map(normaliseEmail).filter((e) => !UNATTENDED.test(e)));
  const location = cleanText(raw.location);
  const countries = inferCountries({ location, emails, pageUrl: page.url, lang: page.lang });
  const strict = TEXT_SOURCES.has(raw.provenance?.phones?.source ?? '');
  const phones = uniq((raw.phones ?? []).map((p) => normalisePhone(p, countries, strict)));
  const urls = uniq((raw.urls ?? []).map((u) => normaliseUrl(u, page.url)));
  let linkedinUrl = normaliseUrl(raw.linkedinUrl ?? '', page.url);
  if (!linkedinUrl.includes('linkedin.com/in/')) linkedinUrl = '';
  const c: RawCandidate = {
    name,
    givenName: given || parts.givenName,
    familyName: family || parts.familyName,
    ...(parts.honorificPrefix ? { honorificPrefix: parts.honorificPrefix } : {}),
    ...(parts.honorificSuffix ? { honorificSuffix: parts.honorificSuffix } : {}),
    jobTitle: cleanText(raw.jobTitle),
    company: cleanText(raw.company).replace(/^@\s*/, ''),
    emails,
    phones,
    urls,
    linkedinUrl,
    location,
    provenance: {},
    confidence: raw.confidence ?? 0.5,
    ...(org ? { kind: 'organization' as const } : {}),
  };
  for (const field of CANDIDATE_FIELDS) {
    const v = c[field];
    const p = provenanceOf(
      raw,
      field === 'givenName' || field === 'familyName' ? (raw[field] ? field : 'name') : field,
    );
    if ((Array.isArray(v) ? v.length : v) && p) c.provenance![field] = p;
  }
  if (!linkedinUrl) {
    const li = urls.find((u) => u.includes('linkedin.com/in/'));
    if (li) {
      c.linkedinUrl = li;
      if (c.provenance!.urls) c.provenance!.linkedinUrl = c.provenance!.urls;
    }
  }
  return c;
}

const identifiable = (c: RawCandidate) => !!(c.name || c.emails?.length || c.linkedinUrl);
/** Addresses nobody reads: never a prospect. */
const UNATTENDED =
  /^(?:no-?reply|do-?not-?reply|donotreply|mailer-daemon|postmaster|bounces?|unsubscribe|abuse)(?:[+.-]|$)/i;

const domainOf = (url: string) => {
  try {
    return getDomain(new URL(url).hostname) ?? '';
  } catch {
    return '';
  }
};

/**
 * A nameless address at a person's own website's domain (bonjour@camille-laurent.example on Camille Laurent's
 * page) is that person's: it joins them instead of standing alone.
 */
function joinPersonalAddresses(list: RawCandidate[]): RawCandidate[] {
  const owners = new Map<string, RawCandidate>();
  for (const c of list) {
    if (!c.name || c.kind === 'organization') continue;
    const family = foldText(c.familyName || c.name.split(' ').at(-1) || '').replace(/ /g, '');
    for (const u of c.urls ?? []) {
      const d = domainOf(u);
      // Their own domain: it carries their name (camille-laurent.example), unlike their employer's site.
      if (d && family.length >= 2 && foldText(d).replace(/ /g, '').includes(family)) owners.set(d, c);
    }
  }
  if (!owners.size) return list;
  return list.filter((c) => {
    if (c.name || c.linkedinUrl || (c.emails ?? []).length !== 1) return true;
    const owner = owners.get(getDomain(c.emails![0]!.split('@')[1] ?? '') ?? '');
    if (!owner || owner === c) return true;
    const merged = combine(owner, c);
    Object.assign(owner, merged);
    return false;
  });
}

/**
 * A page about one person (a profile, a speaker page): its phone links with nobody else around are theirs, at a
 * lower confidence. With two people or more nobody can tell, and the numbers are left out.
 */
function attachLonePhones(list: RawCandidate[]): void {
  const people = list.filter(identifiable);
  if (people.length !== 1) return;
  const person = people[0]!;
  const phones = [...(person.phones ?? [])];
  for (const c of list) {
    if (identifiable(c) || !c.phones?.length) continue;
    for (const p of c.phones) if (!phones.includes(p) && phones.length < MAX_LIST) phones.push(p);
    if (!person.provenance?.phones && c.provenance?.phones)
      person.provenance!.phones = {
        ...c.provenance.phones,
        confidence: 0.3,
        detail: `${c.provenance.phones.detail ?? ''} (the page's only person)`.trim(),
      };
  }
  person.phones = phones;
}

/** How sure we are it is a real person: independent sources agreeing make it surer. */
function confidenceOf(c: RawCandidate): number {
  const bySource = new Map<string, number>();
  for (const p of Object.values(c.provenance ?? {})) {
    const v = p.confidence ?? c.confidence ?? 0.5;
    bySource.set(p.source, Math.max(bySource.get(p.source) ?? 0, v));
  }
  let miss = 1;
  for (const v of bySource.values()) miss *= 1 - Math.min(v, 0.95);
  const score = bySource.size ? 1 - miss : (c.confidence ?? 0.5);
  return Math.round(Math.min(score, 0.99) * 100) / 100;
}

/** A thread's people; one that cannot be read costs only its own people, never the capture (as in the page). */
function threadCandidates(t: RawPageCapture['threads'][number], base: URL): RawCandidate[] {
  try {
    return threadPeople(t.source, t.messages, new Set(t.self), base);
  } catch {
    return [];
  }
}

/**
 * The injected reader's raw result made into what the rep reviews: h-card fragments parsed, every candidate
 * normalised, mentions of one person merged, company taken from a work email's domain when nothing better says,
 * anyone without a name, email or profile dropped, sizes capped, and the whole validated as a PageCapture.
 * Runs in the background ('capture.prepare') and in Node (npm run extract, tests), never in the page.
 */
export function prepareCapture(raw: RawPageCapture): PageCapture {
  let url = raw.url;
  if (url.length > MAX_TEXT) url = url.split(/[?#]/)[0]!.slice(0, MAX_TEXT);
  const page = { url: raw.url, lang: raw.lang };
  const hcards = hCardCandidates(
    raw.fragments.filter((f) => f.source === 'h-card').map((f) => f.html),
    raw.url,
  );
  // Email threads' senders and signatures, read here so that engine stays out of the page reader.
  const base = URL.canParse(raw.url) ? new URL(raw.url) : null;
  const fromThreads = base ? raw.threads.flatMap((t) => threadCandidates(t, base)) : [];
  // Conflicting values are settled by confidence, so where h-cards join the list only breaks ties.
  const all = [...fromThreads, ...(raw.found as RawCandidate[]), ...hcards];
  const merged = joinPersonalAddresses(mergeCandidates(all.map((c) => normaliseCandidate(c, page))));
  attachLonePhones(merged);
  const site = cleanText(raw.siteName, 120);
  // Companies the page names for a domain ("FjordTech AB" in Lars's signature) beat one made up from it.
  const named = new Map<string, string>();
  for (const c of merged) {
    if (!c.company || c.kind === 'organization') continue;
    for (const e of c.emails ?? []) {
      const domain = companyFromEmail(e)?.domain;
      if (domain && !named.has(domain)) named.set(domain, c.company);
    }
  }
  const candidates: Candidate[] = [];
  for (const c of merged) {
    if (!identifiable(c)) continue;
    if (!c.company) {
      for (const e of c.emails ?? []) {
        const from = companyFromEmail(e);
        if (!from) continue;
        // A personal domain (jane-doe.com for Jane Doe) names no company.
        if (c.name && foldText(c.name).replace(/ /g, '') === foldText(from.company).replace(/ /g, '')) break;
        // The site's own name when it is this domain's ("Harbourline Analytics" for harbourline.example).
        const bySite =
          site && foldText(site).replace(/ /g, '').startsWith(foldText(from.company).replace(/ /g, '')) ? site : '';
        const known = named.get(from.domain) ?? bySite;
        c.company = known || from.company;
        c.provenance!.company = {
          source: 'email-domain',
          detail: known === bySite && bySite ? `${from.domain} (og:site_name)` : from.domain,
          confidence: known ? 0.4 : 0.3,
        };
        break;
      }
    }
    c.confidence = confidenceOf(c);
    candidates.push(c as Candidate);
    if (candidates.length >= MAX_CANDIDATES) break;
  }
  return PageCapture.parse({ url, title: cleanText(raw.title), site: cleanText(raw.site, 64) || 'web', candidates });
}
