import { CandidateBuilder } from '../candidate';
import { describe, elementsWithin, textLines } from '../dom';
import { Budget } from '../limits';
import { splitHeadline } from '../linkedin-cards';
import { addLinks, SECTION_WORDS } from '../person-card';
import { cleanText, JOB_WORDS, looksLikeName } from '../text';
import type { Extractor, RawCandidate } from '../types';

/** A person's card is small; a wrapper bigger than this is a list or a section. */
const MAX_CARD_ELEMENTS = 120;
const MAX_PEOPLE = 300;
/** Lines with job-title words looked at most: beyond them a page is a document, not a team. */
const MAX_TITLES = 2000;
/** Comment threads and bylines repeat a name and a line per entry: their authors are not a team. */
const NOT_A_TEAM = /comment|komentar|reply|replies|discussion|disqus|byline|author|review|testimonial/i;
/** Pages about the organisation's own people: only then is the site's name their company. */
const OWN_PEOPLE =
  /\b(?:team|founders?|leadership|our people|staff|board|directors|about us|tim kami|tim|pendiri|manajemen|direksi|pengurus|staf|karyawan|pimpinan|struktur organisasi)\b/i;

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
  const parts = title.split(/(?<!\s)\s+[|–—-]\s+/);
  const last = parts.length > 1 ? parts[parts.length - 1]! : '';
  return last.length <= 60 && !OWN_PEOPLE.test(last) ? last : '';
}

/** Tag and classes, leaving out numbered ones: WordPress marks each item of a list apart ("post-101"). */
const signature = (el: Element) =>
  `${el.localName}.${(el.getAttribute('class') ?? '')
    .split(/\s+/)
    .filter((c) => !/\d/.test(c))
    .join(' ')}`;

/** True when `el` is one of at least two siblings alike (same tag and classes): an item of a list or grid. */
function repeated(el: Element): boolean {
  const parent = el.parentElement;
  if (!parent) return false;
  const sig = signature(el);
  let alike = 0;
  const kids = parent.children;
  for (let i = 0; i < Math.min(kids.length, 200) && alike < 2; i++) if (signature(kids[i]!) === sig) alike++;
  return alike >= 2;
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
 * people or none. Bounded: one walk of the page's text finds the titles, cards are read only while small.
 */
export const teamPage: Extractor = {
  id: 'team-page',
  priority: 19,
  extract(doc, url, budget = new Budget()) {
    const body = doc.body;
    if (!body) return [];
    const out: RawCandidate[] = [];
    const tried = new Set<Element>();
    let organisation: string | undefined;
    // Job titles are rare in a page's text: start from them (one native walk of the text) and look up for the
    // card around each, rather than reading every repeated element of a large page (a mailbox has thousands).
    const walker = doc.createTreeWalker(body, 4 /* SHOW_TEXT */);
    let titles = 0;
    for (let n = walker.nextNode(); n && out.length < MAX_PEOPLE && titles < MAX_TITLES; n = walker.nextNode()) {
      if (!budget.spend()) break;
      const data = (n as Text).data;
      if (data.length < 2 || data.length > 150 || !JOB_WORDS.test(data)) continue;
      // A title is a line of its own (a subject or a sentence that mentions a manager is not): checked before
      // any card is read, so a mailbox's thousand subjects cost a regex each.
      let el = n.parentElement;
      if (!el || el.firstElementChild || !titleLine(cleanText(data, 151))) continue;
      titles++;
      for (let level = 0; el && el !== body && level < 6; level++, el = el.parentElement) {
        if (tried.has(el)) break;
        tried.add(el);
        if (!repeated(el) || NOT_A_TEAM.test(`${el.id} ${el.getAttribute('class') ?? ''}`)) continue;
        const els = elementsWithin(el, MAX_CARD_ELEMENTS, budget);
        if (!els) break;
        const person = personOn(textLines(el, budget, 20));
        if (!person) continue;
        if (inside(el, NOT_A_TEAM, 10)) break;
        organisation ??= pageOrganisation(doc);
        out.push(fromCard(el, els, person, organisation, url));
        break;
      }
    }
    return out;
  },
};

function fromCard(
  card: Element,
  els: readonly Element[],
  person: NonNullable<ReturnType<typeof personOn>>,
  organisation: string,
  url: URL,
): RawCandidate {
  const at = describe(card);
  const b = new CandidateBuilder('team-page', 0.45, url);
  b.set('name', person.name.text, `${at} ${describe(person.name.el)}`);
  const [title, company] = splitHeadline(person.title.text);
  b.set('jobTitle', title, `${at} ${describe(person.title.el)}`);
  b.set('company', company, `${at} ${describe(person.title.el)}`, 0.45);
  b.set('company', organisation, 'the page’s organisation', 0.4);
  addLinks(b, card, els);
  return b.done()!;
}

/** True when an ancestor of `el` (up to `levels`) has an id or class matching `re`. */
function inside(el: Element, re: RegExp, levels: number): boolean {
  for (let p = el.parentElement, i = 0; p && i < levels; p = p.parentElement, i++)
    if (re.test(`${p.id} ${p.getAttribute('class') ?? ''}`)) return true;
  return false;
}
