import { linkedinKey, linkedinUrlFromKey } from '../../db/keys';
import { CandidateBuilder } from '../candidate';
import { describe, pick } from '../dom';
import { Budget } from '../limits';
import { linkedinCards } from '../linkedin-cards';
import { siteOf } from '../site-list';
import { COMPANY_WORDS, cleanText, JOB_WORDS, splitTitleCompany } from '../text';
import type { Extractor, RawCandidate } from '../types';

const NAME = [
  'main h1.text-heading-xlarge',
  'main .pv-text-details__left-panel h1',
  'h1.top-card-layout__title',
  '.pv-top-card--list li.inline.t-24',
  'main section h1',
  'main h1',
];
const HEADLINE = [
  '.pv-text-details__left-panel .text-body-medium',
  'div.text-body-medium.break-words',
  '.top-card-layout__headline',
  'h2.mt1.t-18',
];
const LOCATION = [
  'span.text-body-small.inline.t-black--light.break-words',
  '.pv-text-details__left-panel .text-body-small.inline',
  '.top-card-layout__first-subline .not-first-middot > span',
  '.top-card__subline-item',
  'li.t-16.t-black.t-normal.inline-block',
];
const CURRENT_COMPANY = [
  'a[data-tracking-control-name="public_profile_topcard-current-company"]',
  '.pv-text-details__right-panel-item-text',
  'a[data-control-name="position_see_more"] span',
];

/** "Current company: Acme Corp. Click to skip to experience card" → "Acme Corp". */
function companyFromButton(root: ParentNode): [string, Element | null] {
  const btn = root.querySelector('button[aria-label^="Current company:" i], a[aria-label^="Current company:" i]');
  const label = btn?.getAttribute('aria-label') ?? '';
  const m = /^Current company:\s*(\S.*?)(?:\.\s*Click.*)?$/i.exec(label);
  return [m ? cleanText(m[1]) : '', btn];
}

/**
 * LinkedIn doubles text for screen readers (aria-hidden + visually-hidden) and appends separators in spans
 * ("Acme<span>Full-time</span>"): the visible copy of the first element matching `sel` under `root`, else its own
 * text, else all of it. `outside` leaves out a nested list (a group's positions are not its header).
 */
function visibleIn(root: Element, sel: string, outside?: Element | null): string {
  let el: Element | null = null;
  for (const e of root.querySelectorAll(sel)) {
    if (!outside?.contains(e)) {
      el = e;
      break;
    }
  }
  if (!el) return '';
  const shown = el.querySelector('span[aria-hidden="true"]')?.textContent;
  if (shown) return cleanText(shown);
  let own = '';
  for (const n of el.childNodes) if (n.nodeType === 3) own += (n as Text).data;
  return cleanText(own) || cleanText(el.textContent);
}

const TITLE_SEL = '.t-bold, .experience-item__title, .experience-group-position__title, h3';
const COMPANY_SEL = '.t-14.t-normal, .experience-item__subtitle, .experience-group-header__company, h4';
const STILL_HELD = /present|sekarang|saat ini|heute|aujourd|actualidad|presente/i;

/**
 * The first (current) position in the Experience section: [title, company, element]. Several roles at one
 * employer are grouped under it: the group's header names the company (in the bold line a single position uses
 * for its title, which is how a company used to become the job title) and the first role inside is the title.
 */
function currentPosition(doc: Document): [string, string, Element | null] {
  const anchor = doc.querySelector('#experience');
  const section =
    anchor?.closest('section') ??
    doc.querySelector('section.experience, section[data-section="experience"], #experience-section');
  const item = section?.querySelector('li.artdeco-list__item, li.experience-item, li.profile-section-card, li');
  if (!item) return ['', '', null];
  const role = item.querySelector('li');
  let title: string;
  let company: string;
  let dates: string;
  if (role) {
    const roles = role.parentElement;
    company = visibleIn(item, '.t-bold, .experience-group-header__company, h3, h4', roles);
    title = visibleIn(role, TITLE_SEL);
    dates = cleanText(role.textContent ?? '');
  } else {
    title = visibleIn(item, TITLE_SEL);
    company = visibleIn(item, COMPANY_SEL);
    dates = cleanText(item.textContent ?? '');
  }
  company = company.split(/(?<!\s)\s+·\s+/)[0]!.trim();
  // A line of job-title words is not an employer ("VP of Sales" read from the wrong line).
  if (JOB_WORDS.test(company) && !COMPANY_WORDS.test(company)) company = '';
  // Only a position still held is "current": its date range ends in Present (or LinkedIn's translations).
  return STILL_HELD.test(dates) ? [title, company, role ?? item] : ['', '', null];
}

/**
 * LinkedIn person profile (`/in/<slug>/`), in its signed-in layouts (2021 and 2023+) and the public (signed-out)
 * page: name, headline, location, current company and position, and the Contact info overlay when it is open
 * (`/in/<slug>/overlay/contact-info/`): email, phone, websites. The profile URL is normalised to
 * `https://www.linkedin.com/in/<slug>/`.
 */
export const linkedinProfile: Extractor = {
  id: 'linkedin-profile',
  site: 'linkedin',
  priority: 210,
  generic: 'fallback',
  matches: (url) => siteOf(url) === 'linkedin' && /^\/in\/[^/]+/.test(url.pathname),
  extract(doc, url, budget = new Budget()) {
    const b = new CandidateBuilder('linkedin-profile', 0.9, url);
    const nameEl = pick(doc, NAME);
    if (!nameEl) return [];
    const top = nameEl.closest('section') ?? doc;
    b.set('name', nameEl.textContent, describe(nameEl));
    b.set('linkedinUrl', linkedinUrlFromKey(linkedinKey(url.href)), 'page URL', 0.95);
    const [posTitle, posCompany, posEl] = currentPosition(doc);
    b.set('jobTitle', posTitle, `experience ${describe(posEl)}`);
    const [btnCompany, btn] = companyFromButton(top);
    b.set('company', btnCompany, describe(btn));
    b.set('company', posCompany, `experience ${describe(posEl)}`, 0.85);
    const companyEl = pick(top, CURRENT_COMPANY);
    b.set('company', companyEl?.textContent, describe(companyEl), 0.85);
    const headlineEl = pick(top, HEADLINE);
    const [title, company] = splitTitleCompany(cleanText(headlineEl?.textContent));
    b.set('jobTitle', title, `headline ${describe(headlineEl)}`, 0.6);
    // The headline's tail is the company only when it is not the job title again.
    if (company !== b.get('jobTitle')) b.set('company', company, `headline ${describe(headlineEl)}`, 0.55);
    const locEl = pick(top, LOCATION);
    b.set('location', locEl?.textContent, describe(locEl), 0.85);
    // The Contact info overlay, when the rep opened it.
    const overlay = doc.querySelector('.pv-contact-info, [aria-labelledby="pv-contact-info"], .artdeco-modal');
    if (overlay) {
      for (const a of overlay.querySelectorAll('a[href^="mailto:" i]'))
        b.add('emails', a.getAttribute('href'), `contact info ${describe(a)}`);
      for (const section of overlay.querySelectorAll('section, .pv-contact-info__contact-type')) {
        const heading = cleanText(section.querySelector('h3, header')?.textContent);
        if (/phone|telepon/i.test(heading)) {
          for (const li of section.querySelectorAll('li, span.t-14')) {
            b.add(
              'phones',
              cleanText(li.textContent).replace(/(?<!\s)\s*\((?:mobile|work|home|ponsel|kantor|rumah)\)\s*$/i, ''),
              `contact info ${describe(li)}`,
            );
          }
        }
      }
      for (const a of overlay.querySelectorAll('a[href^="http"]')) {
        const href = a.getAttribute('href') ?? '';
        if (!/linkedin\.com\/redir/i.test(href)) b.add('urls', href, `contact info ${describe(a)}`);
      }
    }
    const c = b.done();
    if (!c) return [];
    // "People also viewed" and similar lists beside the profile: each person a candidate, after the profile's own.
    const self = new Set([linkedinKey(url.href)]);
    const others: RawCandidate[] = [];
    for (const side of doc.querySelectorAll('aside, section[data-section="similar-profiles"], .right-rail')) {
      if (side.contains(nameEl) || others.length >= 50) continue;
      others.push(
        ...linkedinCards(side, url, budget, { source: 'linkedin-profile', confidence: 0.5, skip: self, max: 20 }),
      );
    }
    return [c, ...others];
  },
};
