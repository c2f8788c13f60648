import { CandidateBuilder } from '../candidate';
import { describe } from '../dom';
import { COMPANY_WORDS, cleanText, JOB_WORDS, looksLikeName, splitTitleCompany } from '../text';
import type { Extractor, RawCandidate } from '../types';
import { mailtoAddresses } from './mailto-tel';

const ANCHORS = 'a[href^="mailto:" i], a[href^="tel:" i], a[href*="linkedin.com/in/" i]';
const MAX_ANCHORS = 2000;
const MAX_LEVELS = 8;
const MAX_HEADINGS = 3000;
const NAME_EL = 'h1, h2, h3, h4, h5, h6, strong, b, dt, td, th, [class*="name" i], [itemprop="name"]';
const NOT_A_NAME_CLASS = /company|org|user|file|domain|product/i;
const TITLE_CLASS = /title|role|position|job|designation|jabatan|subtitle|occupation/i;
const SOCIAL = /^https?:\/\/(?:[\w-]+\.)?(?:linkedin\.com\/in\/|twitter\.com\/|x\.com\/|github\.com\/)/i;

interface Keys {
  emails: Set<string>;
  profiles: Set<string>;
}

function personKey(a: Element): { email?: string; profile?: string } {
  const href = a.getAttribute('href') ?? '';
  if (/^mailto:/i.test(href)) return { email: (mailtoAddresses(href)[0] ?? '').toLowerCase() };
  const li = /linkedin\.com\/in\/([^/?#]+)/i.exec(href);
  return li ? { profile: li[1]!.toLowerCase() } : {};
}

/** The first element in `card` whose text reads like a person's name. */
function nameIn(card: Element): Element | null {
  const els = card.querySelectorAll(NAME_EL);
  for (let i = 0; i < Math.min(els.length, 20); i++) {
    const el = els[i]!;
    if (el.closest('a[href^="mailto:" i], a[href^="tel:" i]')) continue;
    if (NOT_A_NAME_CLASS.test(el.getAttribute('class') ?? '')) continue;
    if (looksLikeName(cleanText(el.textContent, 100))) return el;
  }
  return null;
}

/** The job title near the name: an element whose class says so, else the element right after the name. */
function titleIn(card: Element, nameEl: Element, strict: boolean): Element | null {
  const byClass = card.querySelectorAll('[class]');
  for (let i = 0; i < Math.min(byClass.length, 60); i++) {
    const el = byClass[i]!;
    if (el === nameEl || el.contains(nameEl) || nameEl.contains(el)) continue;
    if (!TITLE_CLASS.test(el.getAttribute('class') ?? '')) continue;
    const t = cleanText(el.textContent, 200);
    if (t && t.length <= 120 && !t.includes('@') && (!strict || JOB_WORDS.test(t))) return el;
  }
  let next: Element | null = nameEl;
  while (next && !next.nextElementSibling && next !== card) next = next.parentElement;
  const sib = next?.nextElementSibling;
  const t = cleanText(sib?.textContent, 200);
  return sib && t.length <= 120 && !t.includes('@') && JOB_WORDS.test(t) ? sib : null;
}

/**
 * "Partner, Northgate Ventures" → ["Partner", "Northgate Ventures"]; "VP Sales at Acme" likewise. A tail that is
 * a region or a team ("VP Sales, APAC", "Account Executive, Retail") stays part of the title.
 */
function titleAndCompany(text: string): [string, string] {
  const [title, company] = splitTitleCompany(text);
  if (company) return [title, company];
  const comma = text.lastIndexOf(', ');
  if (comma < 0) return [text, ''];
  const tail = text.slice(comma + 2);
  const words = tail.split(/\s+/);
  const companyLike = COMPANY_WORDS.test(tail) || (words.length >= 2 && words.every((w) => /^\p{Lu}/u.test(w)));
  return companyLike && !JOB_WORDS.test(tail) ? [text.slice(0, comma), tail] : [text, ''];
}

function fromCard(card: Element, nameEl: Element, url: URL, strict: boolean): RawCandidate | null {
  const at = describe(card);
  const b = new CandidateBuilder('person-cards', strict ? 0.45 : 0.6, url);
  b.set('name', nameEl.textContent, `${at} ${describe(nameEl)}`);
  const titleEl = titleIn(card, nameEl, strict);
  const [title, company] = titleAndCompany(cleanText(titleEl?.textContent));
  b.set('jobTitle', title, `${at} ${describe(titleEl)}`);
  b.set('company', company, `${at} ${describe(titleEl)}`, 0.5);
  const links = card.querySelectorAll('a[href]');
  for (let i = 0; i < Math.min(links.length, 40); i++) {
    const a = links[i]!;
    const href = a.getAttribute('href') ?? '';
    if (/^mailto:/i.test(href)) for (const e of mailtoAddresses(href)) b.add('emails', e, `${at} ${describe(a)}`);
    else if (/^tel:/i.test(href)) b.add('phones', href, `${at} ${describe(a)}`);
    else if (SOCIAL.test(href)) {
      if (/linkedin\.com\/in\//i.test(href)) b.set('linkedinUrl', href, `${at} ${describe(a)}`);
      b.add('urls', href, `${at} ${describe(a)}`);
    }
  }
  return b.done();
}

/**
 * People laid out as cards, as on team and contact pages: one candidate per card, so a page of twelve people is
 * twelve prospects. A card is the smallest element around a person's email or LinkedIn link that holds a name and
 * no one else's address. Cards without links count only when they repeat (a grid of three or more alike) and
 * carry a job title.
 */
export const personCards: Extractor = {
  id: 'person-cards',
  priority: 20,
  extract(doc, url) {
    const out: RawCandidate[] = [];
    const body = doc.body;
    if (!body) return out;
    const anchors = [...doc.querySelectorAll(ANCHORS)].slice(0, MAX_ANCHORS);
    // For every element up to MAX_LEVELS above an anchor: whose addresses and profiles it holds (two is enough).
    const holds = new Map<Element, Keys>();
    for (const a of anchors) {
      const { email, profile } = personKey(a);
      let el = a.parentElement;
      for (let level = 0; el && el !== body && level < MAX_LEVELS; level++, el = el.parentElement) {
        let keys = holds.get(el);
        if (!keys) {
          keys = { emails: new Set(), profiles: new Set() };
          holds.set(el, keys);
        }
        if (email && keys.emails.size < 2) keys.emails.add(email);
        if (profile && keys.profiles.size < 2) keys.profiles.add(profile);
      }
    }
    const cards = new Set<Element>();
    const names = new Set<Element>();
    for (const a of anchors) {
      const { email, profile } = personKey(a);
      if (!email && !profile) continue;
      let el = a.parentElement;
      for (let level = 0; el && el !== body && level < MAX_LEVELS; level++, el = el.parentElement) {
        const keys = holds.get(el)!;
        if (keys.emails.size > 1 || keys.profiles.size > 1) break;
        if (cards.has(el)) break;
        const nameEl = nameIn(el);
        if (!nameEl) continue;
        if (names.has(nameEl)) break;
        cards.add(el);
        names.add(nameEl);
        const c = fromCard(el, nameEl, url, false);
        if (c) out.push(c);
        break;
      }
    }
    // Cards without links: a repeated layout (≥ 3 siblings alike), each with a name and a job title.
    const headings = doc.querySelectorAll('h2, h3, h4, h5, strong');
    for (let i = 0; i < Math.min(headings.length, MAX_HEADINGS); i++) {
      const h = headings[i]!;
      if (names.has(h) || !looksLikeName(cleanText(h.textContent, 100))) continue;
      let el: Element | null = h.parentElement;
      for (let level = 0; el && el !== body && level < 4; level++, el = el.parentElement) {
        if (cards.has(el)) break;
        const parent = el.parentElement;
        if (!parent || !repeated(el, parent)) continue;
        if (nameIn(el) !== h) break;
        const title = titleIn(el, h, true);
        if (!title) break;
        cards.add(el);
        names.add(h);
        const c = fromCard(el, h, url, true);
        if (c) out.push(c);
        break;
      }
    }
    return out;
  },
};

const signature = (el: Element) => `${el.localName}.${el.getAttribute('class') ?? ''}`;

/** True when `el` is one of at least three siblings with the same tag and classes. */
function repeated(el: Element, parent: Element): boolean {
  const sig = signature(el);
  let alike = 0;
  const kids = parent.children;
  for (let i = 0; i < Math.min(kids.length, 200) && alike < 3; i++) if (signature(kids[i]!) === sig) alike++;
  return alike >= 3;
}
