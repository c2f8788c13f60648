/** Normalised keys a person is found again by. Pure; also used by the database's upgrades. */
import { clip, LIMITS } from '../text/clip';
import { foldText } from './fold';
import { withoutLegalForms } from './legal-forms';

export { foldText } from './fold';

/** The words of a company's name that say which company: folded, legal forms at either end left out. */
export function companyKey(company: string): string {
  // Dots join an abbreviation's letters first ("S.A." is "sa", "Pte." is "pte"); folding drops the rest.
  const words = foldText(clip(company, LIMITS.field).replaceAll('.', '')).split(' ').filter(Boolean);
  return withoutLegalForms(words).join(' ');
}

/** `name|company`, or '' when either is missing: a name alone is too weak to merge two people. */
export function nameKey(name: string, company: string): string {
  const n = foldText(clip(name, LIMITS.field));
  const c = companyKey(company);
  return n && c ? `${n}|${c}` : '';
}

/** An address as the emails index stores it: lower-case, trimmed. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Phone digits used as a key: the last 9 digits, so the same number written nationally (021 555 0199) and
 * internationally (+62 21 555 0199) gives the same key. Fewer than 7 digits: no key ('').
 */
export function phoneKey(phone: string): string {
  const digits = clip(phone, LIMITS.line).replace(/\D+/g, '');
  return digits.length >= 7 ? digits.slice(-9) : '';
}

/**
 * What tells two written phone numbers apart in a contact's list: their digits. "+1 (415) 555-0132" and
 * "+14155550132" are one entry; "0812 3456 7890" and "+62 812-3456-7890" are both kept (the second tells the
 * country), though phoneKey makes them the same number when deciding who a person is.
 */
export function phoneIdentity(phone: string): string {
  return clip(phone, LIMITS.line).replace(/\D+/g, '') || phone.trim().toLowerCase();
}

/** `in/<slug>` for any LinkedIn person URL (any subdomain, locale path, query, trailing parts), else ''. */
export function linkedinKey(url: string): string {
  const m = /^(?:https?:\/\/)?(?:[\w-]+\.)?linkedin\.com\/in\/([^/?#]+)/i.exec(clip(url, LIMITS.line).trim());
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
