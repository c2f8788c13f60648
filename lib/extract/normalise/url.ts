import { linkedinKey, linkedinUrlFromKey } from '../../identity/keys';
import { MAX_TEXT } from '../../model/limits';

const TRACKING =
  /^(?:utm_\w+|trk|trkInfo|lipi|licu|fbclid|gclid|msclkid|mc_cid|mc_eid|ref|ref_src|_hsenc|_hsmi|originalSubdomain)$/i;

/**
 * An absolute http(s) URL without tracking parameters, or ''. LinkedIn profile links become the canonical
 * `https://www.linkedin.com/in/<slug>/`. Google and LinkedIn redirect wrappers are unwrapped.
 */
export function normaliseUrl(raw: unknown, base?: string): string {
  if (typeof raw !== 'string' || !raw.trim() || raw.length > 4000) return '';
  let u: URL;
  try {
    u = new URL(raw.trim().replace(/^www\./i, 'https://www.'), base);
  } catch {
    return '';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return '';
  const wrapped =
    (/(?:^|\.)google\.[a-z.]+$/.test(u.hostname) && u.pathname === '/url' && u.searchParams.get('q')) ||
    (/(?:^|\.)linkedin\.com$/.test(u.hostname) && u.pathname.startsWith('/redir/') && u.searchParams.get('url'));
  if (wrapped && wrapped !== raw) return normaliseUrl(wrapped);
  const li = linkedinKey(u.href);
  if (li) return linkedinUrlFromKey(li).slice(0, MAX_TEXT);
  for (const key of [...u.searchParams.keys()]) if (TRACKING.test(key)) u.searchParams.delete(key);
  u.hash = u.hash.length > 200 ? '' : u.hash;
  const href = u.href;
  return href.length <= MAX_TEXT ? href : '';
}
