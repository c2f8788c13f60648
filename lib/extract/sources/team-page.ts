import { CandidateBuilder } from '../candidate';
import { describe, elementsWithin, textLines } from '../dom';
import { Budget } from '../limits';
import { COMPANY_WORDS, cleanText, JOB_WORDS, looksLikeName, splitTitleCompany } from '../text';
import type { Extractor, RawCandidate } from '../types';
import { mailtoAddresses } from './mailto-tel';

/** A person's card is small; a wrapper bigger than this is a list or a section. */
const MAX_CARD_ELEMENTS = 120;
const MAX_PEOPLE = 300;
/** Comment threads and bylines repeat a name and a line per entry: their authors are not a team. */
const NOT_A_TEAM = /comment|komentar|reply|replies|discussion|disqus|byline|author|review|testimonial/i;
/** Pages about the organisation's own people: only then is the site's name their company. */
const OWN_PEOPLE =
  /\b(?:team|founders?|leadership|our people|staff|board|directors|about us|tim kami|tim|pendiri|manajemen|direksi|pengurus|staf|karyawan|pimpinan|struktur organisasi)\b/i;
const SOCIAL = /^https?:\/\/(?:[\w-]+\.)?(?:linkedin\.com\/in\/|twitter\.com\/|x\.com\/|github\.com\/)/i;

/** A job title line: title words, short, one phrase (a quote or a comment is a sentence), no address. */
function titleLine(t: string): boolean {
  return (
    t.length <= 120 &&
    JOB_WORDS.test(t) &&
    t.split(' ').length <= 12 &&
    !/[.!?"“”]$|^["“]|@/.test(t) &&
    !looksLikeName(t)
  );
}

/** "CTO, Acme Corp" → ["CTO", "Acme Corp"]; a region or a team after the comma stays in the title. */
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

/**
 * The organisation whose people the page lists, when it is about its own people (a team, founders or staff page,
 * by its title and headings; a speakers list is not): the page's subject when the title starts with its heading
 * (a directory's company page: "Tanibox: … | Startup Directory"), else the site's name (og:site_name, or the
 * title's last part: "Our team | Acme Analytics").
 */
function pageOrganisation(doc: Document): string {
  const title = cleanText(doc.title, 200);
  const h1 = cleanText(doc.querySelector('h1')?.textContent, 200);
  let headings = `${title} ${h1}`;
  const hs = doc.querySelectorAll('h2, h3');
  for (let i = 0; i < Math.min(hs.length, 20); i++) headings += ` ${cleanText(hs[i]!.textContent, 100)}`;
  if (!OWN_PEOPLE.test(headings)) return '';
  if (h1 && !OWN_PEOPLE.test(h1) && h1.length <= 60 && title.startsWith(h1)) return h1;
  const site = doc.querySelector('meta[property="og:site_name" i], meta[name="application-name" i]');
  const named = cleanText(site?.getAttribute('content'), 120);
  if (named) return named;
  const parts = title.split(/\s+[|–—-]\s+/);
  const last = parts.length > 1 ? parts[parts.length - 1]! : '';
  return last.length <= 60 && !OWN_PEOPLE.test(last) ? last : '';
}

/** Tag and classes, leaving out numbered ones: WordPress marks each item of a list apart ("post-101"). */
const signature = (el: Element) =>
  `${el.localName}.${(el.getAttribute('class') ?? '')
    .split(/\s+/)
    .filter((c) => !/\d/.test(c))
    .join(' ')}`;

/** Section headings that read like names ("Active Founders", "Our Speakers") but name no one. */
export const SECTION_WORDS =
  /\b(?:founders?|team|speakers?|leadership|management|board|staff|members|people|partners|advisors|investors|directors|contacts?|tim|pendiri|direksi|pengurus|pembicara|karyawan)\b/i;

/**
 * Children that repeat (two or more siblings alike: same tag and classes), deepest lists first, found in one walk
 * of the page (each element's children are grouped once).
 */
function repeatedCards(body: Element, budget: Budget): Element[] {
  const cards: Element[] = [];
  const stack: Element[] = [body];
  while (stack.length && budget.spend()) {
    const el = stack.pop()!;
    const kids = el.children;
    if (kids.length >= 2 && kids.length <= 500) {
      const count = new Map<string, number>();
      for (const k of kids) count.set(signature(k), (count.get(signature(k)) ?? 0) + 1);
      for (const k of kids)
        if (count.get(signature(k))! >= 2 && !/^(?:script|style|template)$/.test(k.localName)) cards.push(k);
    }
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return cards.reverse();
}

/** The only person on a card: a name-like line followed, within two lines, by a job title. */
function personOn(lines: { text: string; el: Element }[]) {
  let found: { name: (typeof lines)[number]; title: (typeof lines)[number] } | null = null;
  for (let i = 0; i < lines.length; i++) {
    if (!looksLikeName(lines[i]!.text) || SECTION_WORDS.test(lines[i]!.text)) continue;
    const title = lines.slice(i + 1, i + 3).find((l) => titleLine(l.text));
    if (!title) continue;
    if (found) return null; // two people: a section, not a card
    found = { name: lines[i]!, title };
  }
  return found;
}

/**
 * Team, founders, speakers and staff pages without markup: repeated sibling structures (cards, list items, table
 * rows) each holding a name and a job title (English or Indonesian: "Co-founder & CEO", "Kepala Divisi",
 * "Manajer Pemasaran"), with the person's links and, on a page about the organisation's own people, the site's
 * name as their company. Comment threads, bylines and reviews are not a team, and neither is a card with two
 * people or none. Bounded: one walk groups the page's children, cards are read only while small.
 */
export const teamPage: Extractor = {
  id: 'team-page',
  priority: 19,
  extract(doc, url, budget = new Budget()) {
    const body = doc.body;
    if (!body) return [];
    const out: { card: Element; c: RawCandidate }[] = [];
    const taken: Element[] = [];
    let organisation: string | undefined;
    for (const card of repeatedCards(body, budget)) {
      if (out.length >= MAX_PEOPLE || budget.spent) break;
      // A larger card around one already read is its list, not another person.
      if (taken.some((t) => card.contains(t))) continue;
      if (NOT_A_TEAM.test(`${card.id} ${card.getAttribute('class') ?? ''}`)) continue;
      const els = elementsWithin(card, MAX_CARD_ELEMENTS, budget);
      if (!els) continue;
      const person = personOn(textLines(card, budget, 20));
      if (!person) continue;
      if (inside(card, NOT_A_TEAM, 10)) continue;
      taken.push(card);
      const at = describe(card);
      const b = new CandidateBuilder('team-page', 0.45, url);
      b.set('name', person.name.text, `${at} ${describe(person.name.el)}`);
      const [title, company] = titleAndCompany(person.title.text);
      b.set('jobTitle', title, `${at} ${describe(person.title.el)}`);
      b.set('company', company, `${at} ${describe(person.title.el)}`, 0.45);
      organisation ??= pageOrganisation(doc);
      b.set('company', organisation, 'the page’s organisation', 0.4);
      for (const a of els) {
        if (a.localName !== 'a') continue;
        const href = a.getAttribute('href') ?? '';
        if (/^mailto:/i.test(href)) for (const e of mailtoAddresses(href)) b.add('emails', e, `${at} ${describe(a)}`);
        else if (/^tel:/i.test(href)) b.add('phones', href, `${at} ${describe(a)}`);
        else if (SOCIAL.test(href)) {
          if (/linkedin\.com\/in\//i.test(href)) b.set('linkedinUrl', href, `${at} ${describe(a)}`);
          b.add('urls', href, `${at} ${describe(a)}`);
        }
      }
      const c = b.done();
      if (c) out.push({ card, c });
    }
    // In the page's order (the walk read the deepest cards first).
    return out.sort((x, y) => (x.card.compareDocumentPosition(y.card) & 4 ? -1 : 1)).map((x) => x.c);
  },
};

/** True when an ancestor of `el` (up to `levels`) has an id or class matching `re`. */
function inside(el: Element, re: RegExp, levels: number): boolean {
  for (let p = el.parentElement, i = 0; p && i < levels; p = p.parentElement, i++)
    if (re.test(`${p.id} ${p.getAttribute('class') ?? ''}`)) return true;
  return false;
}
