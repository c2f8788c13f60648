import { cleanEmail, cleanText, looksLikeName } from '../text';

export interface Address {
  name: string;
  email: string;
}

const NAMED =
  /(?<![^<>,;"[\]()\n])(?:"([^"]{1,120})"|([^<>,;"[\]()\n]{1,120}?))\s*[<[(](?:mailto:)?([^\s<>[\]()]{1,128}@[^\s<>[\]()]{1,128})[>\])]/g;
const BARE = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,24}/g;

/** A display name from a header: quotes dropped, "Doe, Jane" kept as written (normalised later). */
function displayName(raw: string | undefined): string {
  // A header label before the name ("To: Ana Ribeiro <…>") is not part of it.
  const n = cleanText((raw ?? '').replace(/^[^:"]*:\s*/, '').replace(/^['"\s]+|(?<!['"\s])['"\s]+$/g, ''), 120);
  return n.includes('@') ? '' : n;
}

/**
 * People in an address header: `"Doe, Jane" <jane@acme.com>, Bob <bob@x.com>`, `Jane Doe [mailto:jane@acme.com]`,
 * `Jane Doe (jane@acme.com)`, bare addresses, or a name alone (Outlook's reply headers often omit the address).
 */
export function parseAddressList(text: string, max = 50): Address[] {
  const src = text.slice(0, 5000);
  const out: Address[] = [];
  const taken: [number, number][] = [];
  NAMED.lastIndex = 0;
  for (let m = NAMED.exec(src); m && out.length < max; m = NAMED.exec(src)) {
    const email = cleanEmail(m[3]);
    if (!email) continue;
    out.push({ name: displayName(m[1] ?? m[2]), email });
    taken.push([m.index, m.index + m[0].length]);
  }
  BARE.lastIndex = 0;
  for (let m = BARE.exec(src); m && out.length < max; m = BARE.exec(src)) {
    const at = m.index;
    if (taken.some(([a, b]) => at >= a && at < b)) continue;
    const email = cleanEmail(m[0]);
    if (email && !out.some((o) => o.email === email)) out.push({ name: '', email });
  }
  if (!out.length) {
    for (const part of src.split(/;|,(?![^,]*$)/)) {
      const name = displayName(part);
      if (looksLikeName(name) && out.length < max) out.push({ name, email: '' });
    }
  }
  return out;
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
