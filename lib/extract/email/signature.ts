import { emailsInText, phonesInText } from '../patterns';
import { COMPANY_WORDS, cleanText, JOB_WORDS, looksLikeName } from '../text';

export interface Signature {
  name: string;
  jobTitle: string;
  company: string;
  emails: string[];
  phones: string[];
  urls: string[];
  linkedinUrl: string;
}

const SIGN_OFF =
  /^(?:best|best regards|best wishes|kind regards|warm regards|warmest regards|regards|many thanks|thanks|thank you|thanks again|cheers|sincerely|yours sincerely|yours truly|yours|all the best|br|rgds|talk soon|salam|salam hangat|hormat saya|hormat kami|terima kasih|wassalam|mit freundlichen grüßen|viele grüße|beste grüße|cordialement|bien à vous|saludos|atentamente|met vriendelijke groet|groeten|med vänlig hälsning|cumprimentos)\s*[,.!-]*$/i;
const DELIMITER = /^--\s*$/;
const URL_IN_LINE = /\b(?:https?:\/\/|www\.)[^\s<>"',]+/i;
const BARE_DOMAIN = /^(?:[a-z0-9-]+\.)+[a-z]{2,24}(?:\/\S*)?$/i;
const ADDRESS =
  /\b\d{1,5}\s+\w.*\b(?:street|st|avenue|ave|road|rd|suite|ste|floor|fl|blvd|boulevard|lane|ln|drive|dr|jalan|jl|lantai|gedung|tower)\b/i;
const NOTICE = /confidential|intended (?:only )?for|disclaimer|privileged|unsubscribe|sent from my|dikirim dari/i;
const PHONE_ONLY = /^[\s+()\d.\-/]{8,24}$/;

/** Where the signature starts in a message's own lines: after `--`, else after a sign-off, else -1. */
export function signatureStart(lines: readonly string[], senderName = ''): number {
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 30); i--) if (DELIMITER.test(lines[i]!)) return i + 1;
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 20); i--) if (SIGN_OFF.test(lines[i]!)) return i + 1;
  if (senderName) {
    const given = senderName.split(/\s+/)[0]!.toLowerCase();
    for (let i = lines.length - 1; i >= Math.max(0, lines.length - 12); i--) {
      const l = lines[i]!.toLowerCase();
      if (l === senderName.toLowerCase() || l === given) return i;
    }
  }
  return -1;
}

/**
 * Reads a signature block: the name on its first line, then job title and company ("VP Sales | Acme Corp",
 * "VP Sales at Acme", or on lines of their own), phone numbers (labelled, international or alone on a line),
 * email addresses and websites. Legal notices and postal addresses are skipped.
 */
export function parseSignature(input: readonly string[], domainHint = ''): Signature {
  const sig: Signature = { name: '', jobTitle: '', company: '', emails: [], phones: [], urls: [], linkedinUrl: '' };
  const lines = input
    .slice(0, 12)
    .map((l) => cleanText(l, 200))
    .filter(Boolean);
  const domainWord =
    domainHint
      .split('.')[0]
      ?.replace(/[^a-z0-9]/gi, '')
      .toLowerCase() ?? '';
  const texts: string[] = [];
  lines.forEach((line, i) => {
    if (NOTICE.test(line) || line.length > 160) return;
    let rest = line;
    for (const e of emailsInText(line, 5)) {
      if (!sig.emails.includes(e.value)) sig.emails.push(e.value);
      rest = rest.replace(line.slice(e.index, e.index + e.length), ' ');
    }
    const phones = phonesInText(line, 5);
    for (const p of phones) if (!sig.phones.includes(p.value)) sig.phones.push(p.value);
    if (!phones.length && PHONE_ONLY.test(line) && (line.replace(/\D/g, '').length ?? 0) >= 8)
      sig.phones.push(line.trim());
    if (phones.length || PHONE_ONLY.test(line)) rest = rest.replace(/(?<![^|•·])[^|•·]*\d{3}[^|•·]*/g, ' ');
    const url = URL_IN_LINE.exec(rest)?.[0] ?? (BARE_DOMAIN.test(rest.trim()) ? rest.trim() : '');
    if (url) {
      const full = /^https?:/i.test(url) ? url : `https://${url}`;
      if (/linkedin\.com\/in\//i.test(full)) sig.linkedinUrl ||= full;
      if (!sig.urls.includes(full)) sig.urls.push(full);
      rest = rest.replace(url, ' ');
    }
    rest = cleanText(rest.replace(/^[|•·,\s-]+|(?<![|•·,\s-])[|•·,\s-]+$/g, ''));
    if (!rest || ADDRESS.test(rest)) return;
    if (i === 0 && looksLikeName(rest)) {
      sig.name = rest;
      return;
    }
    texts.push(rest);
  });
  for (const text of texts) {
    // "VP Sales | Acme", "Director, Acme Inc.", "CTO at Acme": a title and a company on one line. A comma splits
    // only when one side is plainly a company ("VP, Procurement" is one title).
    let parts = text
      .split(/(?<!\s)\s+(?:[|•·–—-]|at|@|di)\s+/)
      .map((p) => cleanText(p))
      .filter(Boolean);
    if (parts.length === 1 && text.includes(',')) {
      const byComma = text.split(/(?<!\s)\s*,\s+/);
      if (byComma.length === 2 && COMPANY_WORDS.test(byComma[1]!) && JOB_WORDS.test(byComma[0]!)) parts = byComma;
    }
    for (const part of parts) {
      const isCompany =
        part.length <= 80 &&
        (COMPANY_WORDS.test(part) || (!!domainWord && part.replace(/[^a-z0-9]/gi, '').toLowerCase() === domainWord));
      if (!sig.jobTitle && JOB_WORDS.test(part) && part.length <= 80 && !(isCompany && parts.length > 1))
        sig.jobTitle = part;
      else if (!sig.company && isCompany) sig.company = part;
    }
  }
  // A short line right after the title, that is nothing else, is the company ("VP Sales" / "Acme").
  if (sig.jobTitle && !sig.company) {
    const i = texts.findIndex((t) => t.includes(sig.jobTitle));
    const next = texts[i + 1];
    if (next && next.length <= 60 && /^\p{Lu}/u.test(next) && !JOB_WORDS.test(next) && !/\d{3}/.test(next))
      sig.company = next;
    else {
      const [, after] = texts[i]?.split(/(?<!\s)\s+(?:at|@|di)\s+/) ?? [];
      if (after) sig.company = cleanText(after);
    }
  }
  return sig;
}

/** True when a line closes the message body before a signature ("Best regards,", "Salam,", "--"). */
export function isSignOff(line: string): boolean {
  return SIGN_OFF.test(line) || DELIMITER.test(line);
}
