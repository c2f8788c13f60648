import { CandidateBuilder } from '../candidate';
import { cleanText, looksLikeName } from '../text';
import type { Extractor, RawCandidate } from '../types';

/** The page's meta tags by property or name (lower-cased), read in one pass over the (few) meta elements. */
function metaTags(doc: Document): Map<string, string> {
  const tags = new Map<string, string>();
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < Math.min(metas.length, 500); i++) {
    const m = metas[i]!;
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? '').toLowerCase();
    if (key && !tags.has(key)) tags.set(key, m.getAttribute('content') ?? '');
  }
  return tags;
}

/** "Jane Doe | Acme", "Jane Doe - Speaker" → "Jane Doe": a page title's first part, when it reads like a name. */
function titleName(title: string): string {
  const first = cleanText(title.split(/(?<!\s)\s+[|–—·•-]\s+/)[0]);
  return looksLikeName(first) ? first : '';
}

/**
 * Profile pages described by OpenGraph (`og:type=profile`, `profile:first_name`, `profile:last_name`,
 * `profile:username`) with their `rel=me` links; otherwise an article's author (`meta name=author`,
 * `article:author`) when it reads like a person's name.
 */
export const metaProfile: Extractor = {
  id: 'meta-profile',
  priority: 30,
  extract(doc, url) {
    const out: RawCandidate[] = [];
    const tags = metaTags(doc);
    const meta = (_: Document, key: string) => tags.get(key) ?? '';
    const first = meta(doc, 'profile:first_name');
    const last = meta(doc, 'profile:last_name');
    const isProfile = /^profile$/i.test(meta(doc, 'og:type')) || !!(first || last);
    if (isProfile) {
      const b = new CandidateBuilder('meta-profile', 0.55, url);
      if (first || last) b.set('name', `${first} ${last}`, 'meta profile:first_name/last_name');
      b.set('name', titleName(meta(doc, 'og:title')), 'meta og:title', 0.45);
      b.set('givenName', first, 'meta profile:first_name');
      b.set('familyName', last, 'meta profile:last_name');
      const ogUrl = meta(doc, 'og:url');
      if (/linkedin\.com\/in\//i.test(ogUrl)) b.set('linkedinUrl', ogUrl, 'meta og:url');
      b.add('urls', ogUrl, 'meta og:url');
      const rels = doc.querySelectorAll('link[rel~="me"], a[rel~="me"]');
      for (let i = 0; i < Math.min(rels.length, 20); i++) b.add('urls', rels[i]!.getAttribute('href'), 'rel=me');
      const c = b.done();
      if (c?.name) out.push(c);
      return out;
    }
    const author = cleanText(meta(doc, 'author') || meta(doc, 'article:author'));
    if (looksLikeName(author)) {
      const b = new CandidateBuilder('meta-profile', 0.25, url);
      b.set('name', author, meta(doc, 'author') ? 'meta name=author' : 'meta article:author');
      out.push(b.done()!);
    }
    return out;
  },
};
