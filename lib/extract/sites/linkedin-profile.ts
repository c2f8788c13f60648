import { linkedinKey, linkedinUrlFromKey } from '../../db/keys';
import { CandidateBuilder } from '../candidate';
import { describe, pick } from '../dom';
import { siteOf } from '../site-list';
import { cleanText, splitTitleCompany } from '../text';
import type { Extractor } from '../types';

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
  const m = /^Current company:\s*(.+?)(?:\.\s*Click.*)?$/i.exec(label);
  return [m ? cleanText(m[1]) : '', btn];
}

/** The first (current) position in the Experience section: [title, company, element]. */
function currentPosition(doc: Document): [string, string, Element | null] {
  const anchor = doc.querySelector('#experience');
  const section =
    anchor?.closest('section') ??
    doc.querySelector('section.experience, section[data-section="experience"], #experience-section');
  const item = section?.querySelector('li.artdeco-list__item, li.experience-item, li.profile-section-card, li');
  if (!item) return ['', '', null];
  // LinkedIn doubles text for screen readers (aria-hidden + visually-hidden) and appends separators in spans
  // ("Acme<span>Full-time</span>"): read the visible copy, else the element's own text.
  const visible = (sel: string) => {
    const el = item.querySelector(sel);
    if (!el) return '';
    const shown = el.querySelector('span[aria-hidden="true"]')?.textContent;
    if (shown) return cleanText(shown);
    let own = '';
    for (const n of el.childNodes) if (n.nodeType === 3) own += (n as Text).data;
    return cleanText(own) || cleanText(el.textContent);
  };
  const title = visible('.t-bold') || visible('.experience-item__title') || visible('h3');
  const company = (visible('.t-14.t-normal') || visible('.experience-item__subtitle') || visible('h4'))
    .split(/\s+·\s+/)[0]!
    .trim();
  const dates = cleanText(item.textContent ?? '');
  // Only a position still held is "current": its date range ends in Present (or LinkedIn's translations).
  return /present|sekarang|heute|aujourd|actualidad|presente/i.test(dates) ? [title, company, item] : ['', '', null];
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
  extract(doc, url) {
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
    b.set('company', company, `headline ${describe(headlineEl)}`, 0.55);
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
              cleanText(li.textContent).replace(/\s*\((?:mobile|work|home|ponsel|kantor|rumah)\)\s*$/i, ''),
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
    return c ? [c] : [];
  },
};
