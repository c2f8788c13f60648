import { emailsInText } from '../patterns';
import { COMPANY_WORDS, cleanText, JOB_WORDS, looksLikeName } from '../text';
import { signaturePhones } from './signature-phones';
import { ADDRESS, isCityLine, NOTICE, ORG_WORDS, signOffEnd, TITLE_WORDS } from './signature-words';

export interface Signature {
  name: string;
  jobTitle: string;
  company: string;
  emails: string[];
  /** As written, with " ext. 12" and the sender's label (" (mobile)", " (office)"…); fax numbers left out. */
  phones: string[];
  urls: string[];
  linkedinUrl: string;
  /** The postal address's city line ("Houston, TX 77002"), or its street when that is all there is. */
  location: string;
}

const DELIMITER = /^-- ?$|^—$/;
const URL_IN_LINE = /\b(?:https?:\/\/|www\.)[^\s<>"',]+/i;
const BARE_DOMAIN = /^(?:[a-z0-9-]+\.)+[a-z]{2,24}(?:\/\S*)?$/i;
/** Lines that are only decoration ("*****", "_____", "====") or an attachment ("<<deck.pdf>>", " - notes.doc"). */
// Decoration, attachment markers ("<<deck.pdf>>", "- Q3 deck.pdf", Notes' "(See attached file: deck.pdf)", wrapped
// onto a "file: deck.pdf)" line).
const NOISE =
  /^[\p{P}\p{S}\s]+$|^<<.*>>$|^- [^\s].{0,80}\.[a-z0-9]{2,4}$|^\(see attached file:|^file: .+\.[a-z0-9]{2,4}\)$/iu;
/** A label before an address or a site: "email address:", "E-mail:", "Web:". */
const FIELD_LABEL = /\b(?:e-?mail(?: address)?|surel|web(?:site)?|situs|url)\s*(?::\s*)?$/i;
const MAX_SIG_LINES = 14;

/** True when a line reads as running text rather than a signature line: long, or a sentence in lower case. */
export function isProse(line: string): boolean {
  if (line.length > 90) return true;
  const words = line.split(' ');
  if (words.length < 7) return false;
  const lower = words.filter((w) => /^\p{Ll}/u.test(w)).length;
  return lower >= words.length / 2;
}

/** A sign-off line: the phrase alone, or followed by a first name or initials ("Regards, Jaime", "Thanks, Deb"). */
export function isSignOff(line: string): boolean {
  if (DELIMITER.test(line)) return true;
  const end = signOffEnd(line);
  if (end < 0) return false;
  const rest = line.slice(end).trim();
  return !rest || (rest.split(' ').length <= 3 && rest.split(' ').every((w) => /^\p{Lu}/u.test(w)) && !/\d/.test(rest));
}

/** The words of a name, for comparing "Piper, Greg" with "Greg Piper" and "Susan J Mara" with "Sue Mara". */
export function nameTokens(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[\s,.;()"']+/)
    .filter((w) => w.length > 1 && /\p{L}/u.test(w));
}

/** True when two names share a word (not an initial): the same person written two ways. */
export function sameName(a: string, b: string): boolean {
  const ta = nameTokens(a);
  return nameTokens(b).some((w) => ta.includes(w));
}

/** A line that says something about a person: a phone, an address, a title, a company or a website. */
function isContactLine(line: string, domainWord: string): boolean {
  return (
    signaturePhones(line).length > 0 ||
    emailsInText(line, 1).length > 0 ||
    URL_IN_LINE.test(line) ||
    ADDRESS.test(line) ||
    isCityLine(line) ||
    (!isProse(line) && line.length <= 80 && (titleLike(line) || companyLike(line, domainWord)))
  );
}

function titleLike(s: string): boolean {
  return JOB_WORDS.test(s) || TITLE_WORDS.test(s);
}

function companyLike(s: string, domainWord: string): boolean {
  if (COMPANY_WORDS.test(s) || ORG_WORDS.test(s)) return true;
  return (
    domainWord.length >= 3 &&
    s
      .replace(/[^\p{L}\d]/gu, '')
      .toLowerCase()
      .includes(domainWord)
  );
}

/** The company's word in an address's domain: "watsonwyatt" for mark@watsonwyatt.com, '' for free mail. */
export function domainWordOf(email: string): string {
  const host = email.split('@')[1] ?? '';
  const parts = host.toLowerCase().split('.');
  // The registrable name: the label before the public suffix ("acme" in mail.acme.co.id).
  const name = parts.length >= 3 && parts.at(-2)!.length <= 3 ? parts.at(-3) : parts.at(-2);
  return (name ?? '').replace(/[^a-z0-9]/g, '');
}

/**
 * Where the signature starts in a message's own lines, or -1: after `--` or a sign-off ("Best regards,",
 * "Hormat saya,"), else at the sender's name, else at a name just above a block of contact lines (phones, title,
 * company, address) at the end of the message. Only the last lines are searched: text above never counts.
 */
export function signatureStart(lines: readonly string[], senderName = '', domainWord = ''): number {
  const from = Math.max(0, lines.length - 30);
  for (let i = lines.length - 1; i >= from; i--) if (DELIMITER.test(lines[i]!)) return i + 1;
  for (let i = lines.length - 1; i >= from; i--) if (isSignOff(lines[i]!)) return i + 1;
  if (senderName) {
    for (let i = lines.length - 1; i >= Math.max(0, lines.length - 16); i--) {
      const l = lines[i]!;
      const cut = NAME_CUT.exec(l);
      const head = cut ? l.slice(0, cut.index) : l;
      if (l.length <= 90 && !isProse(l) && looksLikeName(head, 1) && sameName(head, senderName)) return i;
    }
  }
  // No sign-off: a block of short lines at the end holding contact lines, with a name on top of them.
  let top = lines.length;
  while (top > 0 && top > lines.length - MAX_SIG_LINES && !isProse(lines[top - 1]!)) top--;
  const firstContact = lines.findIndex((l, i) => i >= top && isContactLine(l, domainWord));
  if (firstContact < 0) return -1;
  for (let i = firstContact - 1; i >= Math.max(top, firstContact - 2); i--)
    if (isNameLine(lines[i]!, senderName)) return i;
  return -1;
}

interface SignatureHints {
  /** Where the mail client marked the signature (Gmail's `.gmail_signature`), or -1. */
  sigAt?: number;
  senderName?: string;
  senderEmail?: string;
}

/**
 * The message's lines without what mail systems append after the signature: attachment names, decoration, and
 * legal notices (a notice line with only running text, short lines or decoration after it).
 */
export function withoutFooter(input: readonly string[]): string[] {
  const lines = [...input];
  for (let round = 0; round < 10; round++) {
    while (lines.length && NOISE.test(lines.at(-1)!)) lines.pop();
    const from = Math.max(0, lines.length - 16);
    let cut = -1;
    for (let i = lines.length - 1; i >= from; i--) {
      const l = lines[i]!;
      if (NOTICE.test(l) && (l.length > 30 || isProse(l))) cut = i;
      else if (!(isProse(l) || l.length <= 15 || l.length > 55 || NOISE.test(l) || URL_IN_LINE.test(l))) break;
    }
    if (cut < 0) break;
    lines.length = cut;
  }
  return lines;
}

/** The signature block at the end of a message's lines, read; null when there is none. */
export function findSignature(all: readonly string[], hints: SignatureHints = {}): Signature | null {
  const domainWord = domainWordOf(hints.senderEmail ?? '');
  const marked = hints.sigAt !== undefined && hints.sigAt >= 0;
  const lines = marked ? all : withoutFooter(all);
  const at = marked ? hints.sigAt! : signatureStart(lines, hints.senderName ?? '', domainWord);
  if (at < 0) return null;
  return parseSignature(lines.slice(at), hints.senderEmail?.split('@')[1] ?? '', hints.senderName ?? '');
}

/**
 * Reads a signature block line by line: the name (the first line that reads as one, or matches the sender), job
 * title (title vocabulary in English and Bahasa Indonesia), company (legal form, organisation words, or the
 * sender's domain), phones with their labels, email addresses, websites and the postal address's city. "VP Sales |
 * Acme", "CEO, FairAir" and "Director at Acme" are split into title and company. Reading stops at a legal notice,
 * "Sent from my …" or running text.
 */
export function parseSignature(input: readonly string[], domainHint = '', senderName = ''): Signature {
  const sig: Signature = {
    name: '',
    jobTitle: '',
    company: '',
    emails: [],
    phones: [],
    urls: [],
    linkedinUrl: '',
    location: '',
  };
  const domainWord = domainHint ? domainWordOf(`x@${domainHint}`) : '';
  const texts: string[] = [];
  /** Where the lines after the name start in `texts`. */
  let afterName = -1;
  let seen = 0;
  for (const raw of input) {
    if (seen >= MAX_SIG_LINES) break;
    const line = cleanText(raw, 200);
    if (!line || NOISE.test(line)) continue;
    if (NOTICE.test(line) || (isProse(line) && seen > 0)) break;
    seen++;
    if (isProse(line)) continue;
    let rest = line;
    for (const e of emailsInText(line, 5)) {
      if (!sig.emails.includes(e.value)) sig.emails.push(e.value);
      rest = rest.replace(line.slice(e.index, e.index + e.length), ' ');
    }
    const phones = signaturePhones(rest);
    for (const p of phones) if (p.value && !sig.phones.includes(p.value)) sig.phones.push(p.value);
    // Taken out of the line from its end, so the earlier positions still hold.
    for (const p of phones.toReversed()) rest = `${rest.slice(0, p.start)} | ${rest.slice(p.end)}`;
    const url = URL_IN_LINE.exec(rest)?.[0] ?? (BARE_DOMAIN.test(rest.trim()) ? rest.trim() : '');
    if (url) {
      const full = /^https?:/i.test(url) ? url : `https://${url}`;
      if (/linkedin\.com\/in\//i.test(full)) sig.linkedinUrl ||= full;
      else if (!sig.urls.includes(full)) sig.urls.push(full);
      rest = rest.replace(url, ' ');
    }
    rest = cleanText(rest.replace(FIELD_LABEL, ' ').replace(/^[|•·,:;\s-]+|(?<![|•·,:;\s-])[|•·,:;\s-]+$/g, ''));
    if (!rest) continue;
    if (ADDRESS.test(rest) || isCityLine(rest)) {
      if (!sig.location || isCityLine(rest)) sig.location = rest;
      continue;
    }
    // The name comes first; initials or a first name may sit above it ("adr" / "Audrey D. Robertson").
    const early = seen <= 3 && !sig.phones.length && texts.every((t) => t.length <= 12 && !/\s/.test(t));
    if (!sig.name && early && isNameLine(rest, senderName)) {
      // "Jane Doe, VP Sales", "Jane Doe | VP | Acme": the name, then a title or company (a degree stays: "…, CFA").
      const cut = NAME_CUT.exec(rest);
      const [name, after] = cut ? [rest.slice(0, cut.index), rest.slice(cut.index + cut[0].length)] : [rest, ''];
      const more = !!cut && (titleLike(after) || companyLike(after, domainWord));
      sig.name = more ? name : rest;
      afterName = texts.length;
      if (more) texts.push(after);
      continue;
    }
    // "Dana" then "Dana Perino": the fuller form of the name just read.
    if (sig.name && early && isNameLine(rest, senderName) && rest.startsWith(sig.name.split(' ')[0]!)) {
      sig.name = rest;
      continue;
    }
    if (/\d{3}/.test(rest) && !COMPANY_WORDS.test(rest)) continue;
    texts.push(rest);
  }
  classify(sig, texts, domainWord, afterName);
  return sig;
}

/** Where a name ends on a line that goes on with a title or company: ", ", " | ", " • ", " – ". */
const NAME_CUT = /,\s*|(?<!\s)\s+[|•·–—]\s+/;

function isNameLine(line: string, senderName: string): boolean {
  const cut = NAME_CUT.exec(line);
  const bare = cut ? line.slice(0, cut.index) : line;
  if (titleLike(bare) || COMPANY_WORDS.test(bare) || ORG_WORDS.test(bare)) return false;
  if (senderName && looksLikeName(bare, 1) && sameName(bare, senderName)) return true;
  return looksLikeName(bare);
}

/** Title and company from the text lines left once phones, addresses and links are taken out. */
function classify(sig: Signature, texts: readonly string[], domainWord: string, afterName = -1): void {
  const unknown: number[] = [];
  texts.forEach((text, i) => {
    for (const part of splitParts(text, domainWord)) {
      const title = titleLike(part) && part.length <= 80;
      const company = part.length <= 80 && companyLike(part, domainWord);
      // A legal form or the sender's domain outweighs a title word ("Orbital Freight Partners, LLC"); a trade word
      // after a leading title does not ("Manager - Capital Markets Advisory").
      const strongCompany =
        (COMPANY_WORDS.test(part) && !(leadingTitle(part) && !LEGAL_FORM.test(part))) || (company && !title);
      if (!sig.company && strongCompany && !(title && !COMPANY_WORDS.test(part))) sig.company = part;
      else if (!sig.jobTitle && title) sig.jobTitle = part;
      else if (!sig.company && company) sig.company = part;
      else if (!title && !company) unknown.push(i);
    }
  });
  // "Walt Ferris / Northgate Cold Storage / 88 Harbor Road / Phone: …": with no title nor company word anywhere,
  // the short line right under the name that is nothing else names the employer.
  const under = texts[afterName];
  if (!sig.jobTitle && !sig.company && under && unknown[0] === afterName && orgLine(under)) sig.company = under;
  // A short line right after the title, that is nothing else, is the company ("Managing Director" / "SPURR CUB").
  if (sig.jobTitle && !sig.company) {
    const at = texts.findIndex((t) => t.includes(sig.jobTitle));
    const next = texts[at + 1];
    if (next && unknown.includes(at + 1) && next.length <= 60 && /^\p{Lu}/u.test(next) && !/\d{3}/.test(next))
      sig.company = next;
  }
}

/** Legal forms only (COMPANY_WORDS also holds trade words: Capital, Group, Solutions…). */
const LEGAL_FORM =
  /\b(?:Inc|LLC|L\.L\.C|Ltd|Limited|GmbH|AG|S\.?A|SAS|B\.?V|NV|PLC|Pty|Corp|Corporation|PT|Tbk|Pte|Sdn Bhd|KK|Oy|AB|ApS|Srl|SpA)\b\.?/;

/** A line that opens with a job word: "Manager - …", "Director of …", "Kepala …". */
function leadingTitle(s: string): boolean {
  return JOB_WORDS.exec(s)?.index === 0;
}

/** A line that can name an organisation: short, capitalised, a few words, no figures, not a sentence. */
function orgLine(s: string): boolean {
  return s.length <= 60 && /^\p{Lu}/u.test(s) && s.split(/\s+/).length <= 8 && !/\d/.test(s) && !/[.!?:]$/.test(s);
}

/**
 * "VP Sales | Acme", "Director at Acme", "CEO, FairAir" → title and company. A comma splits only when one side is
 * plainly a title and the other is not ("VP, Procurement" and "Acme, Inc." stay whole).
 */
function splitParts(text: string, domainWord: string): string[] {
  const parts = text
    .split(/(?<!\s)\s+(?:[•·–—]\s+|\|\s*|(?:at|@|di)\s+)/)
    .map((p) => cleanText(p))
    .filter(Boolean);
  if (parts.length > 1) return parts;
  const comma = text.split(/(?<!\s)\s*,\s+/);
  if (comma.length === 2) {
    const [a, b] = comma as [string, string];
    const legal = /^(?:inc|llc|ltd|corp|co|plc|gmbh|tbk|l\.?l\.?[cp])\.?$/i;
    if (legal.test(b)) return [text];
    // "CEO, FairAir" splits; "Director, Client Relations" and "VP, Procurement" are one title.
    if (titleLike(a) && !titleLike(b) && companyLike(b, domainWord)) return [a, b];
    if (companyLike(a, domainWord) && !titleLike(a) && titleLike(b)) return [a, b];
  }
  return [text];
}
