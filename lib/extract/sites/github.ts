import { CandidateBuilder } from '../candidate';
import { describe, pick } from '../dom';
import { siteOf } from '../site-list';
import { cleanText, JOB_WORDS, splitTitleCompany } from '../text';
import type { Extractor } from '../types';

/** Top-level GitHub paths that are not user names. */
const RESERVED =
  /^(?:about|account|apps|blog|business|collections|contact|customer-stories|dashboard|enterprise|events|explore|features|issues|join|login|logout|marketplace|new|notifications|orgs|organizations|pricing|pulls|readme|search|security|settings|signup|sponsors|site|team|topics|trending)$/i;

/**
 * GitHub user profile (`github.com/<login>`): name, login, bio (a "Title at Company" bio gives the job title),
 * company, location, public email, website and social links. GitHub marks these up with schema.org microdata and
 * h-card classes too; the adapter reads them in one place and outranks both.
 */
export const github: Extractor = {
  id: 'github',
  site: 'github',
  priority: 200,
  generic: 'fallback',
  matches: (url) =>
    siteOf(url) === 'github' &&
    /^\/[^/]+\/?$/.test(url.pathname) &&
    !RESERVED.test(url.pathname.slice(1).replace(/\/$/, '')),
  extract(doc, url) {
    const nameEl = pick(doc, ['.vcard-fullname', '[itemprop="name"].p-name', 'h1.vcard-names [itemprop="name"]']);
    const loginEl = pick(doc, ['.vcard-username', '[itemprop="additionalName"]']);
    const login = cleanText(loginEl?.textContent);
    if (!nameEl && !login) return [];
    const b = new CandidateBuilder('github', 0.85, url);
    b.set('name', nameEl?.textContent || login, describe(nameEl ?? loginEl));
    const orgEl = pick(doc, [
      '[itemprop="worksFor"] .p-org',
      '.vcard-detail[itemprop="worksFor"]',
      '[itemprop="worksFor"]',
    ]);
    const org = cleanText(orgEl?.textContent);
    const bioEl = pick(doc, ['.user-profile-bio', '.p-note']);
    const [title, company] = splitTitleCompany(cleanText(bioEl?.textContent, 160).split(/[.;]\s/)[0]!);
    // The company field as written ("Lumen Payments") beats the bio; an @organisation handle does not.
    if (!org.startsWith('@')) b.set('company', org, describe(orgEl));
    if (company || JOB_WORDS.test(title)) b.set('jobTitle', title, `bio ${describe(bioEl)}`, 0.5);
    b.set('company', company.replace(/^@/, ''), `bio ${describe(bioEl)}`, 0.45);
    b.set('company', org.replace(/^@/, ''), describe(orgEl), 0.4);
    const locEl = pick(doc, ['[itemprop="homeLocation"] .p-label', '[itemprop="homeLocation"]']);
    b.set('location', locEl?.textContent, describe(locEl));
    for (const a of doc.querySelectorAll('[itemprop="email"] a[href^="mailto:" i], a.u-email'))
      b.add('emails', a.getAttribute('href'), describe(a));
    b.add('urls', `https://github.com/${login || url.pathname.split('/')[1]}`, 'page URL');
    for (const a of doc.querySelectorAll(
      '[itemprop="url"] a[href], [itemprop="social"] a[href], .vcard-details a[rel~="me"]',
    )) {
      const href = a.getAttribute('href') ?? '';
      if (/linkedin\.com\/in\//i.test(href)) b.set('linkedinUrl', href, describe(a));
      b.add('urls', href, describe(a));
    }
    const c = b.done();
    return c ? [c] : [];
  },
};
