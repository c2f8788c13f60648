/** Emails and phone numbers in running text, including the usual obfuscations. Shared by the text readers. */
import { clip, LIMITS } from '../text/clip';

// Each piece starts where the one before cannot continue (issue #15: the local part used to take dots too, so
// "a.a.a.…x@" could be split between it and the separator in exponentially many ways). Spaces around a
// separator are one run, taken by one quantifier.
const AT = String.raw`(?:\s*(?:@|＠|[[({<]\s*(?:at|@)\s*[\])}>])\s*|\s+(?:at|AT)\s+)`;
const DOT = String.raw`(?:\s*(?:\.|[[({<]\s*(?:dot|\.)\s*[\])}>])\s*|\s+(?:dot|DOT)\s+)`;
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
/** One dot-free part of the local part: `jane.doe [at] acme [dot] co [dot] id` has two. */
const LOCAL = '[A-Za-z0-9][A-Za-z0-9_%+-]{0,63}';
/** `jane.doe [at] acme [dot] co [dot] id`, `jane(at)acme.com`, `jane AT acme DOT com`, `jane＠acme.com`. */
export const EMAIL_IN_TEXT = new RegExp(
  String.raw`(?<![^\s<>()[\]:;,'"=|])(${LOCAL}(?:${DOT}${LOCAL}){0,7})${AT}(${LABEL}(?:${DOT}${LABEL}){0,4}${DOT}[A-Za-z]{2,24})(?![A-Za-z0-9-])`,
  'g',
);
/** A separator spelled any way, from the start of its spaces (never from inside them). */
export const DOTS = new RegExp(String.raw`(?<!\s)${DOT}`, 'g');

/** Fast pre-check before the full pattern: most text has no address at all. */
export function mayHaveEmail(text: string): boolean {
  return (
    text.includes('@') ||
    text.includes('＠') ||
    /[[({<]\s*(?:at|@)\s*[\])}>]/i.test(text) ||
    (/\s(?:at|AT)\s/.test(text) && /\s(?:dot|DOT)\s|[[({<]\s*dot\s*[\])}>]/i.test(text))
  );
}

export interface TextMatch {
  value: string;
  index: number;
  length: number;
}

/** Every email address in `text`, obfuscations undone, lower-cased. */
export function emailsInText(text: string, max = 50): TextMatch[] {
  const out: TextMatch[] = [];
  text = clip(text, LIMITS.block);
  // Fullwidth forms (ｉｎｆｏ＠ａｃｍｅ．ｃｏｍ) read as the letters they are.
  if (/[\uFF01-\uFF5E]/.test(text)) text = text.normalize('NFKC');
  if (!mayHaveEmail(text)) return out;
  EMAIL_IN_TEXT.lastIndex = 0;
  for (let m = EMAIL_IN_TEXT.exec(text); m && out.length < max; m = EMAIL_IN_TEXT.exec(text)) {
    const plainAt = /^\s*[@＠]\s*$/.test(text.slice(m.index + m[1]!.length, m.index + m[0].length - m[2]!.length));
    // "meet me at acme dot com" is not an address: the spelled-out form needs brackets or capitals, or a real @.
    if (!plainAt && /\s(?:at)\s/.test(m[0]) && !/[[({<]/.test(m[0])) continue;
    const undot = (s: string) => s.replace(DOTS, '.');
    out.push({ value: `${undot(m[1]!)}@${undot(m[2]!)}`.toLowerCase(), index: m.index, length: m[0].length });
  }
  return out;
}

const PHONE_LABEL =
  '(?:tel(?:ephone|epon|p)?|phone|ph|mobile|mob|cell(?:ular)?|hp|handphone|ponsel|seluler|kantor|wa|whatsapp|office|direct|dir|work|call|hubungi|[TMPODW])';
const NUMBER = String.raw`((?:\+\s?)?\(?\d[\d\s().\-/\u00A0]{5,22}\d)`;
export const LABELLED = new RegExp(
  String.raw`(?:^|[^A-Za-z])${PHONE_LABEL}\.?\s*(?:[:.]\s*)?${NUMBER}(?:\s*(?:ext\.?|x|ext)\s*(\d{1,6}))?`,
  'gi',
);
const INTERNATIONAL = /(?:^|[^\w+])(\+\s?\d[\d\s().\-/\u00A0]{6,22}\d)/g;
const US_STYLE = /(?:^|[^\w(])(\(\d{3}\)\s?\d{3}[\s.-]\d{4})(?!\d)/g;
const FAX = /\bfax\b|\bfaks\b/i;

/**
 * Phone numbers in running text: those after a label (Tel, Phone, Mobile, M:, HP, WA…), written internationally
 * (+…), or in the (555) 123-4567 style. Dates and amounts are not phones; fax numbers are left out.
 */
export function phonesInText(text: string, max = 20): TextMatch[] {
  const out: TextMatch[] = [];
  text = clip(text, LIMITS.block);
  if (!/\d{3}/.test(text)) return out;
  const seen = new Set<string>();
  const spans: [number, number][] = [];
  for (const re of [LABELLED, INTERNATIONAL, US_STYLE]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m && out.length < max; m = re.exec(text)) {
      const number = m[1]!.trim();
      const start = m.index + m[0].indexOf(m[1]!);
      const end = start + m[1]!.length;
      // The same number seen by two patterns ("+1 (415) 555-0132" is also "(415) 555-0132").
      if (spans.some(([a, b]) => start < b && end > a)) continue;
      spans.push([start, end]);
      const before = text.slice(Math.max(0, m.index - 12), m.index + m[0].length - m[1]!.length);
      if (FAX.test(before)) continue;
      const digits = number.replace(/\D/g, '');
      if (digits.length < 7 || digits.length > 15 || seen.has(digits)) continue;
      if (/^\d{4}-\d{2}-\d{2}$|^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/.test(number)) continue;
      seen.add(digits);
      const after = /^\s*(?:ext\.?|x|extension)\s*(\d{1,6})/i.exec(text.slice(end, end + 20));
      const extDigits = m[2] ?? after?.[1];
      const ext = extDigits ? ` ext. ${extDigits}` : '';
      out.push({ value: number + ext, index: m.index, length: m[0].length });
    }
  }
  return out;
}
