import { CandidateBuilder } from '../candidate';
import { describe, pick } from '../dom';
import { Budget } from '../limits';
import { linkedinCards } from '../linkedin-cards';
import { siteOf } from '../site-list';
import { cleanText } from '../text';
import type { Extractor } from '../types';

const COMPANY_NAME = ['h1.org-top-card-summary__title', 'h1.top-card-layout__title', 'main h1'];
const MAX_PEOPLE = 200;

/** `<dt>Website</dt><dd>…</dd>` in the About tab: the dd after the term, by its label (any UI language). */
function about(doc: Document, label: RegExp): Element | null {
  for (const dt of doc.querySelectorAll('dl dt, [data-test-id] dt')) {
    if (!label.test(cleanText(dt.textContent))) continue;
    let dd = dt.nextElementSibling;
    while (dd && dd.localName !== 'dd') dd = dd.nextElementSibling;
    if (dd) return dd;
  }
  return null;
}

/**
 * LinkedIn company page (`/company/<slug>/…`). The People tab lists employees: each is a prospect at this
 * company (name, title, profile). On the other tabs the company itself is the record, with its website, phone,
 * headquarters and LinkedIn page, so the rep can save the account.
 */
export const linkedinCompany: Extractor = {
  id: 'linkedin-company',
  site: 'linkedin',
  priority: 200,
  generic: 'fallback',
  matches: (url) => siteOf(url) === 'linkedin' && /^\/company\/[^/]+/.test(url.pathname),
  extract(doc, url, budget = new Budget()) {
    const nameEl = pick(doc, COMPANY_NAME);
    const company = cleanText(nameEl?.textContent);
    if (!company) return [];
    // The People tab: every employee card, found by structure (class names change), at this company.
    const root = doc.querySelector('main') ?? doc.body;
    const out =
      /^\/company\/[^/]+\/people/.test(url.pathname) && root
        ? linkedinCards(root, url, budget, { source: 'linkedin-company', confidence: 0.85, company, max: MAX_PEOPLE })
        : [];
    if (out.length) return out;
    const b = new CandidateBuilder('linkedin-company', 0.7, url).organization();
    b.set('name', company, describe(nameEl));
    b.set('company', company, describe(nameEl));
    const website = about(doc, /^(?:website|situs web)$/i)?.querySelector('a');
    b.add('urls', website?.getAttribute('href'), `about ${describe(website)}`);
    const phone = about(doc, /^(?:phone|telepon)$/i);
    b.add(
      'phones',
      phone?.querySelector('a[href^="tel:"]')?.getAttribute('href') ?? phone?.textContent,
      `about ${describe(phone)}`,
    );
    const hq = about(doc, /^(?:headquarters|kantor pusat)$/i);
    const info = doc.querySelectorAll('.org-top-card-summary-info-list__info-item');
    b.set('location', hq?.textContent ?? info[1]?.textContent, hq ? `about ${describe(hq)}` : describe(info[1]), 0.6);
    const slug = /^\/company\/([^/]+)/.exec(url.pathname)?.[1] ?? '';
    b.add('urls', `https://www.linkedin.com/company/${slug}/`, 'page URL');
    return [b.done()!];
  },
};
