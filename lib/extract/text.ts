import { MAX_TEXT } from '../model/limits';
import { clip } from '../text/clip';

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters from page text is the point.
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF\u00AD]/g;

/**
 * Page text made safe to store: lone surrogates replaced, invisible and control characters removed, runs of
 * combining marks ("Z̴̵̶̷̸…") cut to four, white space folded, length capped.
 */
export function cleanText(value: unknown, max = MAX_TEXT): string {
  if (typeof value !== 'string') return '';
  // Lone surrogates would make invalid UTF-16; toWellFormed is in every browser we support.
  // Cut before any pattern runs: a little more than kept, as folding spaces and marks shortens it.
  const s = clip(value, max * 4);
  return s
    .toWellFormed()
    .replace(INVISIBLE, '')
    .replace(/(\p{M}{4})\p{M}+/gu, '$1')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;

/** A lower-cased, plausible email address, or ''. Fully validated off the page (lib/extract/normalise/email.ts). */
export function cleanEmail(value: unknown): string {
  const s = cleanText(value, 1000)
    .replace(/^mailto:/i, '')
    .split('?')[0]!;
  let decoded = s;
  try {
    decoded = decodeURIComponent(s);
  } catch {
    // keep as is
  }
  const email = decoded
    .normalize('NFKC')
    .trim()
    .replace(/^[<("'[]+|(?<![>)"'\].,;:])[>)"'\].,;:]+$/g, '')
    .toLowerCase();
  return email.length <= 254 && EMAIL.test(email) ? email : '';
}

/** A phone number as written, without tel:, or '' when it has too few or too many digits to be one. */
export function cleanPhone(value: unknown): string {
  let s = cleanText(value, 80).replace(/^tel:/i, '');
  try {
    s = decodeURIComponent(s);
  } catch {
    // keep as is
  }
  s = s.replace(/^[^+\d(]+/, '').trim();
  const digits = s.replace(/\D/g, '');
  return digits.length >= 5 && digits.length <= 17 ? s : '';
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

const NAME_STOP =
  /^(?:about|account|all|blog|call|careers?|click|contact|contacts|customer|department|download|e-?mail|email us|enquiries|enterprise|features?|follow|general|get|help|here|home|hours|info|inquiries|join|learn|login|mail|me|media|message|more|news|office|our|partners?|plans?|press|pricing|privacy|products?|questions|read|reply|sales|see|send|services?|share|sign|solutions?|support|team|terms|the|us|view|visit|website|write|you|your)$/i;
/** Lower-case words a name may contain ("Ludwig van Beethoven", "Ahmad bin Osman"). */
const NAME_PARTICLES =
  /^(?:van|von|der|den|de|del|della|di|da|du|des|la|le|dos|das|do|bin|binti|ibn|al|el|ter|ten|af|zu|y|e)$/;

/**
 * True when `s` reads like a person's name: 1–5 words of letters (any script), no digits, no @, not a call to
 * action or a section heading. Used for hints (link text, headings); a structured name field does not need it.
 */
export function looksLikeName(s: string, minWords = 2): boolean {
  if (!s || s.length > 70 || /[\d@/\\<>{}[\]|=_#$%^*+~`"?!:;]/.test(s)) return false;
  const words = s.split(/\s+/).filter(Boolean);
  if (words.length > 5 || JOB_WORDS.test(s)) return false;
  const latin = /[A-Za-z\u00C0-\u024F]/.test(s);
  if (!latin) return words.length >= 1 && /\p{L}/u.test(s) && s.length <= 40;
  if (words.length < minWords) return false;
  // Names are capitalised; only particles (van, de, bin) may not be.
  for (const w of words) {
    if (NAME_STOP.test(w.replace(/[.,]$/, ''))) return false;
    if (!/^\p{Lu}/u.test(w) && !NAME_PARTICLES.test(w)) return false;
  }
  return true;
}

/** Words that mark a line as a job title (English and Bahasa Indonesia). */
export const JOB_WORDS =
  /\b(?:CEO|CTO|CFO|COO|CMO|CRO|CIO|CISO|CPO|VP|SVP|EVP|AVP|GM|President|Founder|Co-?founder|Owner|Partner|Principal|Director|Head|Manager|Lead|Chief|Officer|Engineer|Developer|Designer|Architect|Consultant|Analyst|Specialist|Coordinator|Executive|Associate|Representative|Advisor|Adviser|Administrator|Assistant|Recruiter|Scientist|Researcher|Professor|Lecturer|Editor|Producer|Strategist|Chair(?:man|woman|person)?|Secretary|Treasurer|Supervisor|Agent|Broker|Attorney|Lawyer|Counsel|Accountant|Intern|Buyer|Controller|Evangelist|Advocate|Teacher|Physician|Nurse|Pharmacist|Direktur|Manajer|Kepala|Staf|Pimpinan|Komisaris|Wakil|Directeur|Directrice|Directora?|Gerente|Jefe|Responsable|Leiter(?:in)?|Geschäftsführer(?:in)?|Vorstand|Dirigente|Amministratore)\b/i;

/** Words that mark a name as a company's (legal forms and the usual trade words). */
export const COMPANY_WORDS =
  /\b(?:Inc|LLC|L\.L\.C|Ltd|Limited|GmbH|AG|SA|S\.A|SAS|BV|B\.V|NV|PLC|Pty|Corp|Corporation|Co|Company|Group|Holdings|Labs|Technologies|Technology|Solutions|Systems|Software|Partners|Consulting|Ventures|Capital|Studio|Agency|PT|Tbk|CV|Pte|Sdn Bhd|KK|Oy|AB|AS|ApS|Srl|SpA)\b\.?/;

/** "VP Sales at Acme | Speaker" → ["VP Sales", "Acme"]: a headline or signature line split into title and company. */
export function splitTitleCompany(line: string): [string, string] {
  const first = cleanText(line.split(/(?<!\s)\s+[|•·]\s+/)[0]);
  const m =
    /^(.{2,120}?)\s+(?:at|@|di|bei|chez|en)\s+(.{2,120})$/i.exec(first) ?? /^(.{2,120}?)\s*@\s*(.{2,120})$/.exec(first);
  if (m) return [cleanText(m[1]), cleanText(m[2])];
  return [first, ''];
}
