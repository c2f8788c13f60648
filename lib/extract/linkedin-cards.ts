import { linkedinKey, linkedinUrlFromKey } from '../db/keys';
import { CandidateBuilder } from './candidate';
import { describe, elementsWithin, textLines as piecesOf } from './dom';
import type { Budget } from './limits';
import { COMPANY_WORDS, cleanText, JOB_WORDS } from './text';
import type { RawCandidate } from './types';

/**
 * People in LinkedIn's lists (search results, My Network, a company's People tab, followers, Sales Navigator,
 * "People also viewed", a messaging thread's header), found by structure rather than class names, which LinkedIn
 * obfuscates and changes: a card is the largest element around a link to one person's profile (`/in/<slug>` or
 * `/sales/lead/<id>`) that holds no one else's; the name is that link's text; the text blocks after it are the
 * headline and the location, once LinkedIn's buttons, badges and screen-reader copies are left out.
 */

const PROFILE_LINKS = 'a[href*="/in/"], a[href*="/sales/lead/"], a[href*="/sales/people/"]';
const MAX_LEVELS = 12;
/** Elements a card may have (a search result has about a hundred, icons included). */
const MAX_CARD_ELEMENTS = 400;

/**
 * Text LinkedIn adds around a person that is never a field: badges, buttons, screen-reader copies, counts,
 * times (English and Indonesian). Lines are cleaned first, so white space is single spaces.
 */
export const NOISE = new RegExp(
  [
    String.raw`^(?:view|lihat)\b.{1,80}\bprofil`,
    String.raw`^status\b.{0,30}\b(?:online|offline|away|reachable|busy)\b`,
    String.raw`^[•·]? ?(?:[123](?:st|nd|rd)\+?(?: degree(?: connection)?)?|(?:koneksi )?tingkat (?:ke-?)?\d\+?)$`,
    String.raw`\b(?:degree connection|mutual connections?|shared connections?|koneksi bersama)\b`,
    `^(?:connect|message|follow|following|unfollow|pending|withdraw|remove|invite|ignore|accept|save|saved|more|send inmail|add to list|select|hubungkan|pesan|kirim pesan|ikuti|mengikuti|tertunda|simpan|lainnya|abaikan|terima|open to work|hiring|premium|verified|linkedin member|anggota linkedin|influencer|top voice|you|anda|lead|new|baru|active now|aktif sekarang|recently hired|changed jobs|posted on linkedin|member’s (?:name|occupation)|nama anggota|pekerjaan anggota)$`,
    String.raw`^(?:connected|terhubung|followed by|diikuti oleh|provides services)\b`,
    String.raw`^[\d.,]+[KM]?\+? (?:followers?|pengikut|connections?|koneksi)$`,
    String.raw`^\d+ ?(?:s|m|h|d|w|mo|y|yr|jam|hari|mgg|bln|thn)$|\bago$|\byang lalu$|\bin (?:role|company)$`,
    String.raw`^(?:show|see|lihat) (?:more|all|semua|selengkapnya)\b`,
    String.raw`^[•·|,\-–— ]*$`,
  ].join('|'),
  'i',
);

const isNoise = (t: string) => NOISE.test(t);

/** "Jane Doe’s profile picture" → "Jane Doe" (a photo's alt text names its person). */
const PHOTO_ALT = /(?<!\s)\s*(?:[’']s?\s+)?(?:profile (?:picture|photo|image)|photo|foto profil)$/i;

/** A profile link's person key: `in/<slug>` or `sales/lead/<id>` (the part before LinkedIn's search context). */
export function profileKeyOf(href: string, base: URL): string {
  let u: URL;
  try {
    u = new URL(href, base);
  } catch {
    return '';
  }
  if (!/(?:^|\.)linkedin\.com$/i.test(u.hostname)) return '';
  const inKey = linkedinKey(u.href);
  if (inKey && !/^in\/(?:me|edit|unavailable)$/.test(inKey)) return inKey;
  const lead = /^\/sales\/(?:lead|people)\/([^,/?#]+)/.exec(u.pathname);
  return lead ? `sales/lead/${lead[1]}` : '';
}

/** The page's canonical URL for a key: the public profile, or the Sales Navigator lead. */
export function profileUrlOf(key: string): string {
  return key.startsWith('in/') ? linkedinUrlFromKey(key) : `https://www.linkedin.com/${key}`;
}

/**
 * The name a profile link shows: its visible copy (LinkedIn doubles it in an aria-hidden span and a screen-reader
 * span), else its own text; with `photo`, a photo link's alt text.
 */
function nameOfLink(a: Element, budget: Budget, photo: boolean): string {
  if (photo) {
    const alt = cleanText(a.querySelector('img[alt]')?.getAttribute('alt'), 120).replace(PHOTO_ALT, '');
    return alt && !isNoise(alt) ? alt : '';
  }
  const shown = a.querySelector('span[aria-hidden="true"]');
  const fromShown = shown ? cleanText(shown.textContent, 120) : '';
  if (fromShown && !isNoise(fromShown)) return fromShown;
  for (const p of piecesOf(a, budget)) if (!isNoise(p.text)) return p.text;
  return '';
}

/** True when `s` reads like an employer's name: a legal form or trade word, or a short capitalised phrase. */
function companyLike(s: string): boolean {
  if (!s || s.length > 80 || JOB_WORDS.test(s) || (/[.!?]$/.test(s) && !COMPANY_WORDS.test(s))) return false;
  if (COMPANY_WORDS.test(s)) return true;
  const words = s.split(/\s+/);
  return words.length <= 5 && /^[\p{Lu}\d]/u.test(s);
}

/** A company after a dash or a comma needs more proof: "VP Sales, APAC" and "Manager – Vietnam" are titles. */
function surelyCompany(s: string): boolean {
  if (JOB_WORDS.test(s)) return false;
  const words = s.split(/\s+/);
  return (
    COMPANY_WORDS.test(s) || (words.length >= 2 && words.length <= 5 && words.every((w) => /^[\p{Lu}\d&]/u.test(w)))
  );
}

/**
 * A headline split into job title and company: "VP Sales at Acme", "CTO @ Example.io", "Head of Sales | Acme",
 * "Account Executive · Globex", "COO, Meridian Supply Co.". A list of roles ("Founder | Speaker | Author") stays
 * a title, a region stays part of the title ("Key Account Manager – Vietnam"), and a job title is never taken as
 * the company.
 */
export function splitHeadline(headline: string): [title: string, company: string] {
  const text = cleanText(headline, 300);
  const at =
    /^(.{2,120}?)\s+(?:at|@|di|bei|chez)\s+(.{2,120})$/i.exec(text) ?? /^(.{2,120}?)\s*@\s*(.{2,120})$/.exec(text);
  if (at) {
    // "CTO at Acme | Speaker": the company ends where the next part starts.
    const company = cleanText(at[2]!.split(/(?<!\s)\s+[|·•]\s+/)[0]);
    if (!JOB_WORDS.test(company) || COMPANY_WORDS.test(company)) return [cleanText(at[1]), company];
  }
  for (const sep of [/(?<!\s)\s+\|\s+/, /(?<!\s)\s+[·•]\s+/]) {
    const parts = text.split(sep).map((p) => cleanText(p));
    if (parts.length < 2) continue;
    const [first = '', second = ''] = parts;
    if (parts.length === 2 && JOB_WORDS.test(first) && companyLike(second)) return [first, second];
    if (parts.length === 2 && JOB_WORDS.test(second) && companyLike(first)) return [second, first];
    return [first, ''];
  }
  for (const sep of [/(?<!\s)\s+[–—-]\s+/, /,\s+/]) {
    const parts = text.split(sep).map((p) => cleanText(p));
    if (parts.length === 2 && JOB_WORDS.test(parts[0]!) && surelyCompany(parts[1]!)) return [parts[0]!, parts[1]!];
  }
  return [text, ''];
}

/** A line that can be a location: a place's words, not a title, a company line or a sentence. */
function locationLike(s: string): boolean {
  return (
    s.length <= 80 &&
    !JOB_WORDS.test(s) &&
    !/[@|:]|\s(?:at|di)\s|^\d|[.!?]$/.test(s) &&
    s.split(/\s+/).length <= 8 &&
    /^\p{Lu}/u.test(s)
  );
}

export interface CardOptions {
  source: string;
  confidence: number;
  /** The company every card belongs to (a company's People tab). */
  company?: string;
  /** Profiles not to offer (the profile page's own person). */
  skip?: ReadonlySet<string>;
  max?: number;
}

/** The value of a Sales Navigator field marked for its anonymiser (`data-anonymize="title"`), stable markup. */
function anonymized(card: Element, field: string): [string, Element | null] {
  const el = card.querySelector(`[data-anonymize="${field}"]`);
  return [cleanText(el?.textContent, 200), el];
}

/** Every person card under `root`, one candidate each. */
export function linkedinCards(root: ParentNode, url: URL, budget: Budget, opts: CardOptions): RawCandidate[] {
  const max = opts.max ?? 200;
  // Each person's links, in page order; the site's own header, navigation and footer are never people.
  const byKey = new Map<string, Element[]>();
  for (const a of root.querySelectorAll(PROFILE_LINKS)) {
    if (!budget.spend()) break;
    const key = profileKeyOf(a.getAttribute('href') ?? '', url);
    if (!key || opts.skip?.has(key) || a.closest('header, nav, footer, [role="navigation"]')) continue;
    const list = byKey.get(key);
    if (list) {
      if (list.length < 4) list.push(a);
    } else if (byKey.size < max) byKey.set(key, [a]);
  }
  // Whose profiles each ancestor holds (two is enough to say it is a list, not a card).
  const holds = new Map<Element, Set<string>>();
  for (const [key, links] of byKey) {
    for (const a of links) {
      if (!budget.spend(MAX_LEVELS)) break;
      let el = a.parentElement;
      for (let level = 0; el && level < MAX_LEVELS; level++, el = el.parentElement) {
        const keys = holds.get(el) ?? new Set<string>();
        holds.set(el, keys);
        if (keys.size < 2) keys.add(key);
      }
    }
  }
  const out: RawCandidate[] = [];
  for (const [key, links] of byKey) {
    if (budget.spent) break;
    // The card: the largest ancestor holding only this person, while small enough to be one.
    let card: Element | null = null;
    let el = links[0]!.parentElement;
    for (let level = 0; el && level < MAX_LEVELS; level++, el = el.parentElement) {
      if ((holds.get(el)?.size ?? 2) > 1 || el.localName === 'body' || el.localName === 'main') break;
      if (!elementsWithin(el, MAX_CARD_ELEMENTS, budget)) break;
      card = el;
    }
    if (!card) continue;
    const c = fromCard(card, key, links, url, budget, opts);
    if (c) out.push(c);
  }
  return out;
}

function fromCard(
  card: Element,
  key: string,
  links: Element[],
  url: URL,
  budget: Budget,
  opts: CardOptions,
): RawCandidate | null {
  const at = describe(card);
  const b = new CandidateBuilder(opts.source, opts.confidence, url);
  // On a company's People tab everyone listed works there, whatever else their headline names.
  b.set('company', opts.company, 'company page', 0.8);
  const [anonName, anonNameEl] = anonymized(card, 'person-name');
  let name = anonName;
  let nameLink: Element | null = anonNameEl;
  for (const photo of [false, true]) {
    for (const a of links) {
      if (name) break;
      name = nameOfLink(a, budget, photo);
      nameLink = a;
    }
  }
  name = name.replace(/(?<!\s)\s*[•·]\s*(?:1st|2nd|3rd\+?)$/i, '');
  if (!name || isNoise(name)) return null;
  b.set('name', name, `${at} ${describe(nameLink)}`);
  if (key.startsWith('in/')) b.set('linkedinUrl', profileUrlOf(key), `${at} ${describe(links[0])} href`, 0.95);
  else b.add('urls', profileUrlOf(key), `${at} ${describe(links[0])} href`, 0.9);

  // Sales Navigator marks its fields; everywhere else the lines after the name say who the person is.
  const [anonTitle, titleEl] = anonymized(card, 'title');
  const [anonCompany, companyEl] = anonymized(card, 'company-name');
  const [anonLocation, locationEl] = anonymized(card, 'location');
  if (anonTitle || anonCompany) {
    const [t, c] = anonCompany ? [anonTitle, anonCompany] : splitHeadline(anonTitle);
    b.set('jobTitle', t, `${at} ${describe(titleEl)}`, 0.85);
    b.set('company', c, `${at} ${describe(companyEl ?? titleEl)}`, 0.85);
    b.set('location', anonLocation, `${at} ${describe(locationEl)}`, 0.8);
  }
  const pieces = piecesOf(card, budget);
  const start = pieces.findIndex((p) => p.text === name || p.text.startsWith(`${name} `));
  const lines = pieces.slice(start + 1).filter((p) => p.text !== name && !isNoise(p.text));
  // "Current: VP Sales at Acme" (search results' summary) names the employer when the headline does not.
  const current = lines.find((p) => /^(?:current|saat ini)\s*:/i.test(p.text));
  const rest = lines.filter((p) => !/^(?:current|past|saat ini|sebelumnya)\s*:/i.test(p.text));
  const headline = rest[0];
  const [title, company] = splitHeadline(headline?.text ?? '');
  const [nowTitle, nowCompany] = splitHeadline(current?.text.replace(/^[^:]*:\s*/, '') ?? '');
  if (!company && nowCompany) {
    // A headline that names no employer ("Supply chain leader · Ex-Unilever"): the current position says more.
    b.set('jobTitle', nowTitle, `${at} ${describe(current?.el)}`, 0.7);
    b.set('company', nowCompany, `${at} ${describe(current?.el)}`, 0.65);
  }
  // A tagline ("Helping manufacturers buy smarter 🚀") is no job title: only a short or titled headline is.
  const titled = JOB_WORDS.test(title) || (title.split(' ').length <= 4 && !/\p{Extended_Pictographic}/u.test(title));
  if (titled) b.set('jobTitle', title, `${at} headline ${describe(headline?.el)}`, 0.7);
  b.set('company', company, `${at} headline ${describe(headline?.el)}`, 0.6);
  const place = rest[1];
  if (place && locationLike(place.text)) b.set('location', place.text, `${at} ${describe(place.el)}`, 0.7);
  return b.done();
}
