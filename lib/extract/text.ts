import { MAX_TEXT } from '../model/limits';

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters from page text is the point.
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF\u00AD]/g;

/** Page text made safe to store: invisible and control characters removed, white space folded, length capped. */
export function cleanText(value: unknown, max = MAX_TEXT): string {
  if (typeof value !== 'string') return '';
  // Lone surrogates would make invalid UTF-16; toWellFormed is in every browser we support.
  const s = value.length > max * 4 ? value.slice(0, max * 4) : value;
  return s.toWellFormed().replace(INVISIBLE, '').replace(/\s+/g, ' ').trim().slice(0, max);
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;

/** A lower-cased, plausible email address, or ''. */
export function cleanEmail(value: unknown): string {
  const s = cleanText(value, 254)
    .replace(/^mailto:/i, '')
    .split('?')[0]!;
  let decoded = s;
  try {
    decoded = decodeURIComponent(s);
  } catch {
    // keep as is
  }
  const email = decoded.trim().toLowerCase();
  return EMAIL.test(email) ? email : '';
}

/** A phone number as written, without tel: and separators other than + and digits kept readable, or ''. */
export function cleanPhone(value: unknown): string {
  let s = cleanText(value, 64).replace(/^tel:/i, '');
  try {
    s = decodeURIComponent(s);
  } catch {
    // keep as is
  }
  const digits = s.replace(/\D/g, '');
  return digits.length >= 5 && digits.length <= 17 ? s.trim() : '';
}

/** An absolute http(s) URL, or ''. */
export function cleanUrl(value: unknown, base: URL): string {
  const s = cleanText(value, 2000);
  if (!s) return '';
  try {
    const u = new URL(s, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href.slice(0, MAX_TEXT) : '';
  } catch {
    return '';
  }
}
