/** Normalised keys used to find the same person again. Pure; also used by the migration. */

const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF\u00AD]/g;

/** Lower-case, accents removed, punctuation folded to single spaces. Works for non-Latin scripts (kept as is). */
export function foldText(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const COMPANY_SUFFIXES = new Set([
  'inc',
  'llc',
  'ltd',
  'limited',
  'gmbh',
  'corp',
  'corporation',
  'co',
  'pt',
  'tbk',
  'plc',
  'sa',
  'bv',
  'ag',
]);

export function companyKey(company: string): string {
  return foldText(company)
    .split(' ')
    .filter((w) => w && !COMPANY_SUFFIXES.has(w))
    .join(' ');
}

/** `name|company`, or '' when either is missing: a name alone is too weak to merge two people. */
export function nameKey(name: string, company: string): string {
  const n = foldText(name);
  const c = companyKey(company);
  return n && c ? `${n}|${c}` : '';
}

/** `in/<slug>` for any LinkedIn person URL (any subdomain, locale path, query, trailing parts), else ''. */
export function linkedinKey(url: string): string {
  const m = /^(?:https?:\/\/)?(?:[\w-]+\.)?linkedin\.com\/in\/([^/?#]+)/i.exec(url.trim());
  if (!m?.[1]) return '';
  let slug = m[1];
  try {
    slug = decodeURIComponent(slug);
  } catch {
    // Malformed escapes: keep the slug as written.
  }
  return `in/${slug.toLowerCase()}`;
}

export function linkedinUrlFromKey(key: string): string {
  return key ? `https://www.linkedin.com/${encodeURI(key)}/` : '';
}
