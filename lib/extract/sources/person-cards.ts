import { CandidateBuilder } from '../candidate';
import { describe, elementsWithin, textUpTo } from '../dom';
import { Budget } from '../limits';
import { splitHeadline } from '../linkedin-cards';
import { addLinks, SECTION_WORDS } from '../person-card';
import { cleanText, JOB_WORDS, looksLikeName } from '../text';
import type { Extractor, RawCandidate } from '../types';
import { mailtoAddresses } from './mailto-tel';

const ANCHORS = 'a[href^="mailto:" i], a[href^="tel:" i], a[href*="linkedin.com/in/" i]';
/** Distinct people (addresses, profiles) read at most; links to one address beyond the first few are decoys. */
const MAX_PEOPLE = 2000;
const MAX_LINKS_PER_PERSON = 3;
const MAX_LEVELS = 8;
/** A person's card is small: a wrapper with more elements than this is a list or a page, never walked further. */
const MAX_CARD_ELEMENTS = 150;
const NAME_EL = 'h1, h2, h3, h4, h5, h6, strong, b, dt, td, th, [class*="name" i], [itemprop="name"]';
const NOT_A_NAME_CLASS = /company|org|user|file|domain|product/i;
const TITLE_CLASS = /title|role|position|job|designation|jabatan|subtitle|occupation/i;

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

/** True when `el` sits inside a mailto: or tel: link within `card`. */
function inContactLink(el: Element, card: Element): boolean {
  for (let p: Element | null = el; p && p !== card; p = p.parentElement)
    if (p.localName === 'a' && /^(?:mailto|tel):/i.test(p.getAttribute('href') ?? '')) return true;
  return false;
}

/** The first of the card's elements whose text reads like a person's name. */
function nameIn(card: Element, els: readonly Element[], budget: Budget): Element | null {
  let tried = 0;
  for (const el of els) {
    if (tried >= 20) break;
    if (!el.matches(NAME_EL)) continue;
    tried++;
    if (inContactLink(el, card) || NOT_A_NAME_CLASS.test(el.getAttribute('class') ?? '')) continue;
    const text = cleanText(textUpTo(el, 100, budget), 101);
    if (looksLikeName(text) && !SECTION_WORDS.test(text)) return el;
  }
  return null;
}

/** A line that can be a job title: short, one phrase (a comment's sentence is not), no address. */
function titleText(el: Element | null | undefined, strict: boolean, budget: Budget): string {
  if (!el) return '';
  const t = cleanText(textUpTo(el, 120, budget), 121);
  return t && t.length <= 120 && !t.includes('@') && (!strict || JOB_WORDS.test(t)) ? t : '';
}

/** The job title near the name: an element whose class says so, else the element right after the name. */
function titleIn(card: Element, els: readonly Element[], nameEl: Element, budget: Budget) {
  for (const el of els.slice(0, 60)) {
    if (el === nameEl || el.contains(nameEl) || nameEl.contains(el)) continue;
    if (!TITLE_CLASS.test(el.getAttribute('class') ?? '')) continue;
    const t = titleText(el, false, budget);
    if (t) return { el, text: t };
  }
  let next: Element | null = nameEl;
  while (next && !next.nextElementSibling && next !== card) next = next.parentElement;
  const sib = next === card ? null : next?.nextElementSibling;
  const t = titleText(sib, true, budget);
  return t ? { el: sib!, text: t } : null;
}

function fromCard(card: Element, els: readonly Element[], nameEl: Element, url: URL, budget: Budget) {
  const at = describe(card);
  const b = new CandidateBuilder('person-cards', 0.6, url);
  b.set('name', textUpTo(nameEl, 100), `${at} ${describe(nameEl)}`);
  const title = titleIn(card, els, nameEl, budget);
  const [jobTitle, company] = splitHeadline(title?.text ?? '');
  b.set('jobTitle', jobTitle, `${at} ${describe(title?.el)}`);
  b.set('company', company, `${at} ${describe(title?.el)}`, 0.5);
  addLinks(b, card, els);
  return b.done();
}

/**
 * People laid out as cards, as on team and contact pages: one candidate per card, so a page of twelve people is
 * twelve prospects. A card is the smallest element around a person's email or LinkedIn link that holds a name and
 * no one else's address (cards without links are sources/team-page.ts's). Bounded (issue 15): every card is walked at most once and only while it is small, text is
 * read up to what a name or a title can be, and links repeated on every card (a shared sales@ address) count
 * once, so decoys neither freeze the page nor crowd real people out.
 */
export const personCards: Extractor = {
  id: 'person-cards',
  priority: 20,
  extract(doc, url, budget = new Budget()) {
    const out: RawCandidate[] = [];
    const body = doc.body;
    if (!body) return out;
    // Links to a person, at most a few per address or profile.
    const anchors: { a: Element; email?: string; profile?: string }[] = [];
    const perKey = new Map<string, number>();
    for (const a of doc.querySelectorAll(ANCHORS)) {
      if (perKey.size >= MAX_PEOPLE || !budget.spend()) break;
      const key = personKey(a);
      const k = key.email ?? key.profile ?? '';
      const n = perKey.get(k) ?? 0;
      if (n >= MAX_LINKS_PER_PERSON) continue;
      perKey.set(k, n + 1);
      anchors.push({ a, ...key });
    }
    // For every element up to MAX_LEVELS above an anchor: whose addresses and profiles it holds (two is enough).
    const holds = new Map<Element, Keys>();
    for (const { a, email, profile } of anchors) {
      if (!budget.spend(MAX_LEVELS)) break;
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
    // Wrappers already found too big (or nameless) to be a card: never walked twice.
    const tried = new Set<Element>();
    for (const { a, email, profile } of anchors) {
      if (budget.spent) return out;
      if (!email && !profile) continue;
      let el = a.parentElement;
      for (let level = 0; el && el !== body && level < MAX_LEVELS; level++, el = el.parentElement) {
        const keys = holds.get(el);
        if (!keys || keys.emails.size > 1 || keys.profiles.size > 1 || cards.has(el)) break;
        if (tried.has(el)) continue;
        tried.add(el);
        const els = elementsWithin(el, MAX_CARD_ELEMENTS, budget);
        if (!els) break;
        const nameEl = nameIn(el, els, budget);
        if (!nameEl) continue;
        if (names.has(nameEl)) break;
        cards.add(el);
        names.add(nameEl);
        const c = fromCard(el, els, nameEl, url, budget);
        if (c) out.push(c);
        break;
      }
    }
    return out;
  },
};
