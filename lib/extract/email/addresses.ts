import { cleanEmail, cleanText, looksLikeName } from '../text';

export interface Address {
  name: string;
  email: string;
}

const BARE = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,24}/;
/** One to three words: a family name before its sort-form comma ("Piper", "Van Gelder"). */
const SURNAME_WORD = /^[\p{L}.'-]{1,40}$/u;
const SURNAME = { test: (s: string) => s.split(' ').length <= 3 && s.split(' ').every((w) => SURNAME_WORD.test(w)) };
/** A given name, maybe an initial, then perhaps the entry's bracketed address: "Greg", "Thomas D. </O=…>". */
const GIVEN = /^[\p{L}'-]{1,40}(?: \p{L}\.?)?(?:\s*[<[(].*)?$/u;
/** Mail-system routing that is not a person's address: Exchange's IMCEA… wrappers, X.400/X.500 paths. */
const ROUTING = /^(?:imcea|\/o=|smtp:|ex:)/i;

/**
 * Splits a header value at top-level commas and semicolons: never inside quotes, <…>, […] or (…). A character
 * walk, so a hostile header costs linear time.
 */
function entries(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (ch === '\\') i++;
    else if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '<' || ch === '[' || ch === '(') depth++;
    else if ((ch === '>' || ch === ']' || ch === ')') && depth > 0) depth--;
    else if (depth === 0 && (ch === ';' || ch === ',')) {
      out.push(src.slice(start, i));
      start = i + 1;
    }
  }
  out.push(src.slice(start));
  return out.map((e) => e.trim()).filter(Boolean);
}

/** What sits between brackets in an entry: `<jane@x>`, `[mailto:jane@x]`, `(jane@x)`, or an X.500 path. */
function bracketed(entry: string): { inside: string[]; outside: string } {
  const inside: string[] = [];
  let outside = '';
  let depth = 0;
  let cur = '';
  for (const ch of entry) {
    if (ch === '<' || ch === '[') {
      if (depth === 0) cur = '';
      else cur += ch;
      depth++;
    } else if ((ch === '>' || ch === ']') && depth > 0) {
      depth--;
      if (depth === 0) inside.push(cur);
      else cur += ch;
    } else if (depth > 0) cur += ch;
    else outside += ch;
  }
  return { inside, outside };
}

/**
 * A display name as a person would read it: quotes and Outlook's "(E-mail)" dropped, a Lotus Notes path
 * ("Jane Doe/HOU/ECT@ECT") or mail domain ("Jane Doe@ACME") cut off; '' when it is an address itself.
 */
export function displayName(raw: string): string {
  let n = cleanText(raw, 160)
    // A header label before the name ("To: Ana Ribeiro") is not part of it.
    .replace(/^(?:from|to|cc|bcc|dari|kepada)\s*:\s*/i, '')
    .replace(/["'\\]/g, ' ')
    // A qualifier after the name ("(E-mail)", "(US - San Francisco)", "(Legal)") is the mail system's, not theirs.
    .replace(/(?<!\s)\s*\([^()]{0,40}\)\s*$/, '')
    .replace(/(?<!\s)\s*\(\s*e-?mail[^)]{0,20}\)/gi, ' ')
    .replace(/;/g, ',');
  const slash = n.indexOf('/');
  // A slash before any @ ("Jane Doe/HOU/ECT@ECT"): the Notes path starts there.
  if (slash > 0 && !n.slice(0, slash).includes('@')) n = n.slice(0, slash);
  // "Susan J Mara@ENRON": a Notes mail domain after a name with spaces (an address has none).
  const at = n.lastIndexOf('@');
  if (at > 0 && /\s/.test(n.slice(0, at).trim())) n = n.slice(0, at);
  // Words with digits are the mail system's ("Leitz, Thomas VA01"), not the person's.
  n = n.replace(/(?<!\s)\s+on\s+\d.*$/i, '').replace(/(?<![^\s,])[^\s,]*\d[^\s,]*/g, ' ');
  n = cleanText(n, 120).replace(/^[\s,;:-]+|(?<![\s,;:-])[\s,;:-]+$/g, '');
  // "Sales on behalf of Jane Doe": the message is Jane's.
  const behalf = /\bon behalf of\s+/i.exec(n);
  if (behalf) n = n.slice(behalf.index + behalf[0].length);
  // An address's local part shown as its name ("harlan.murphy") is not a name.
  return n.includes('@') || /^[a-z0-9._-]+$/.test(n) ? '' : n;
}

function toAddress(entry: string): Address | null {
  const { inside, outside } = bracketed(entry);
  let email = '';
  for (const part of inside) {
    const e = cleanEmail(part.replace(/^(?:mailto|smtp)\s*:/i, '').trim());
    if (e && !ROUTING.test(e) && !email) email = e;
  }
  // "jane@acme.example@ACME <IMCEANOTES-…>": the address shown in the name is the real one.
  const shown = BARE.exec(outside)?.[0];
  if (shown) {
    const e = cleanEmail(shown);
    if (e) email ||= e;
  }
  const name = displayName(shown ? outside.replace(shown, ' ').replace(/@\S*/g, ' ') : outside);
  if (!email && !name) return null;
  return { name, email: ROUTING.test(email) ? '' : email };
}

/**
 * People in an address header: `"Doe, Jane" <jane@acme.com>, Bob <bob@x.com>`, `Jane Doe [mailto:jane@acme.com]`,
 * `Doe, Jane </O=ACME/OU=NA/CN=JDOE>` (Exchange), `Jane Doe/HOU/ACME@ACME` (Notes), bare addresses, or names
 * alone (Outlook's reply headers often omit the address: "Piper, Greg; Beck, Sally").
 */
export function parseAddressList(text: string, max = 50): Address[] {
  const parts = entries(text.slice(0, 5000));
  // "Gosalia, Amita" or "Piper, Greg </O=…>" without semicolons: a lone family name followed by a given name (and
  // perhaps an initial) is one sort-form name, not two people.
  const merged: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const next = parts[i + 1];
    if (next && SURNAME.test(p) && GIVEN.test(next)) {
      merged.push(`${p}, ${next}`);
      i++;
    } else merged.push(p);
  }
  const out: Address[] = [];
  for (const part of merged) {
    if (out.length >= max) break;
    const a = toAddress(part);
    if (!a) continue;
    if (!a.email && !looksLikeSortOrName(a.name)) continue;
    if (a.email && out.some((o) => o.email === a.email)) continue;
    out.push(a);
  }
  return out;
}

/** A name with no address must read like one ("Piper, Greg", "Jane Doe", "Sally Beck"). */
function looksLikeSortOrName(name: string): boolean {
  const n = name.replace(/(?<!\s)\s*\([^()]*\)\s*/g, ' ').trim();
  return looksLikeName(
    n.includes(',')
      ? n
          .split(/(?<!\s)\s*,\s*/)
          .reverse()
          .join(' ')
      : n,
  );
}

/** "On … Jane <jane@x> wrote:", "Pada … menulis:", and the verb-first forms ("Am … schrieb Jürgen <j@x>:"). */
const ATTRIBUTION =
  /^(?:On|Pada|Am|Le|El|Op|Il|Den|Dne)\b.{3,300}?(?:wrote|menulis|schrieb|a écrit|escribió|schreef|ha scritto|skrev|napsal)(?:\s*(?::\s*)?$|\s+[^:]{1,200}:\s*$)/i;

/** "On Mon, 6 Jan 2025 at 10:02, Jane Doe <jane@acme.com> wrote:" → Jane Doe. */
export function parseAttribution(line: string): Address | null {
  if (!ATTRIBUTION.test(line)) return null;
  const lt = line.lastIndexOf('<');
  const email = lt >= 0 ? cleanEmail(line.slice(lt + 1).split('>')[0]) : '';
  const before = (
    lt >= 0 ? line.slice(0, lt) : line.replace(/(?<!\s)\s*(?:wrote|menulis|schrieb|a écrit|escribió|schreef).*$/i, '')
  )
    .replace(/["']/g, ' ')
    .trim();
  // Walk back from the address over words that can be part of a name (no digits, not AM/PM or "at").
  const words = before.split(/[\s,]+/);
  const name: string[] = [];
  for (let i = words.length - 1; i >= 0 && name.length < 4; i--) {
    const w = words[i]!;
    if (!w || /\d|^(?:AM|PM|at|um|à|pukul|a\.m\.|p\.m\.)$/i.test(w) || !/^\p{Lu}/u.test(w)) break;
    name.unshift(w);
  }
  const n = name.join(' ');
  return email || looksLikeName(n, 1) ? { name: looksLikeName(n, 1) ? n : '', email } : null;
}
