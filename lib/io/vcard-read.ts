/**
 * A vCard reader for what phones, Outlook, Gmail and Apple Contacts export: versions 2.1, 3.0 and 4.0; folded
 * lines; QUOTED-PRINTABLE values with soft line breaks and any CHARSET; bare 2.1 parameters (TEL;WORK;VOICE);
 * TYPE lists; grouped properties (item1.EMAIL); escaped text; nested 2.1 AGENT cards (skipped); binary values
 * (PHOTO, LOGO, SOUND, KEY) skipped without decoding. It never throws on bad input: what cannot be read is left out.
 */

export interface VcardProperty {
  group: string;
  /** Upper-case property name: FN, N, EMAIL, TEL… */
  name: string;
  /** Upper-case parameter names → their values; bare 2.1 parameters are TYPE values. TYPE values lower-case. */
  params: Record<string, string[]>;
  /** The raw value, unfolded and decoded from QUOTED-PRINTABLE, still escaped (see vcardText/vcardParts). */
  value: string;
}

export interface Vcard {
  /** 1-based position in the file. */
  index: number;
  /** Line of its BEGIN:VCARD. */
  line: number;
  version: string;
  props: VcardProperty[];
}

const BINARY = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);
const ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);

/** The text of a .vcf file's bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252. */
export function decodeVcardBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function isQuotedPrintable(head: string): boolean {
  return /;(?:ENCODING=)?QUOTED-PRINTABLE(?=[;:]|$)/i.test(head);
}

/** Physical lines → logical lines (unfolded), each with the number of its first physical line. */
function logicalLines(text: string): { text: string; line: number }[] {
  const physical = text.split(/\r\n|\r|\n/);
  const out: { text: string; line: number }[] = [];
  physical.forEach((raw, i) => {
    const prev = out.at(-1);
    // QUOTED-PRINTABLE soft line break: the value goes on after a trailing "=" (2.1 exports from phones, Outlook).
    if (prev?.text.endsWith('=') && isQuotedPrintable(prev.text.slice(0, headEnd(prev.text)))) {
      prev.text = prev.text.slice(0, -1) + raw;
      return;
    }
    if (prev && (raw.startsWith(' ') || raw.startsWith('\t'))) {
      prev.text += raw.slice(1);
      return;
    }
    out.push({ text: raw, line: i + 1 });
  });
  return out;
}

/** Index of the ':' that ends a property's name and parameters (a quoted parameter value may hold ':'). */
function headEnd(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ':' && !quoted) return i;
  }
  return -1;
}

function splitParams(head: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of head) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function parseProperty(line: string): VcardProperty | null {
  const end = headEnd(line);
  if (end <= 0) return null;
  const [nameWithGroup = '', ...rawParams] = splitParams(line.slice(0, end));
  const dot = nameWithGroup.lastIndexOf('.');
  const group = dot >= 0 ? nameWithGroup.slice(0, dot) : '';
  const name = (dot >= 0 ? nameWithGroup.slice(dot + 1) : nameWithGroup).trim().toUpperCase();
  if (!/^[A-Z0-9-]+$/.test(name)) return null;
  const params: Record<string, string[]> = {};
  const add = (k: string, values: string[]) => {
    params[k] = [...(params[k] ?? []), ...values];
  };
  for (const p of rawParams) {
    const eq = p.indexOf('=');
    if (eq < 0) {
      const bare = p.trim().toUpperCase();
      if (!bare) continue;
      if (ENCODINGS.has(bare)) add('ENCODING', [bare]);
      else add('TYPE', [bare.toLowerCase()]);
      continue;
    }
    const key = p.slice(0, eq).trim().toUpperCase();
    const values = p
      .slice(eq + 1)
      .split(',')
      .map((v) => v.trim().replace(/^"|"$/g, ''))
      .filter(Boolean);
    add(key, key === 'TYPE' ? values.map((v) => v.toLowerCase()) : values);
  }
  let value = line.slice(end + 1);
  const encoding = params.ENCODING?.[0]?.toUpperCase();
  if (encoding === 'QUOTED-PRINTABLE') value = decodeQuotedPrintable(value, params.CHARSET?.[0] ?? 'utf-8');
  return { group, name, params, value };
}

/** QUOTED-PRINTABLE → text: =XX bytes decoded with the property's CHARSET (UTF-8 when unknown). */
export function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    const hex = value.slice(i + 1, i + 3);
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else if (ch === '=' && i === value.length - 1) {
      // A soft line break left at the very end.
    } else {
      const code = ch.charCodeAt(0);
      if (code < 0x80) bytes.push(code);
      else bytes.push(...new TextEncoder().encode(ch));
    }
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset.toLowerCase());
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(new Uint8Array(bytes));
}

/** Every card in a vCard file's text. */
export function parseVcards(text: string): Vcard[] {
  const cards: Vcard[] = [];
  let card: Vcard | null = null;
  let depth = 0;
  for (const { text: line, line: n } of logicalLines(text)) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const upper = trimmed.toUpperCase();
    if (upper === 'BEGIN:VCARD') {
      depth++;
      if (depth === 1) card = { index: cards.length + 1, line: n, version: '', props: [] };
      continue;
    }
    if (upper === 'END:VCARD') {
      if (depth === 1 && card) cards.push(card);
      depth = Math.max(0, depth - 1);
      if (depth === 0) card = null;
      continue;
    }
    if (!card || depth !== 1) continue;
    const prop = parseProperty(line);
    if (!prop) continue;
    if (prop.name === 'VERSION') {
      card.version = prop.value.trim();
      continue;
    }
    if (BINARY.has(prop.name) || prop.name === 'AGENT') continue;
    card.props.push(prop);
  }
  // A last card without END:VCARD (a cut-off file) still counts: what it has is kept.
  if (card?.props.length) cards.push(card);
  return cards;
}

/**
 * Splits on an unescaped separator, then unescapes each part. `legacy` (vCard 2.1): only \; is an escape there; a
 * backslash before anything else is the character itself (2.1 writes newlines with QUOTED-PRINTABLE instead).
 */
export function vcardParts(value: string, separator: ';' | ',', legacy = false): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '\\' && i + 1 < value.length && (!legacy || value[i + 1] === ';')) {
      cur += ch + value[i + 1];
      i++;
    } else if (ch === separator) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts.map((p) => vcardText(p, legacy));
}

/** Unescapes a text value: \n (or \N) is a newline, \, \; \: and \\ the character itself (2.1: only \;). */
export function vcardText(value: string, legacy = false): string {
  if (legacy) return value.replace(/\\;/g, ';').trim();
  return value.replace(/\\([nN,;:\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c)).trim();
}

const CARDS_PER_STEP = 500;

/**
 * Reads a .vcf file's cards a few hundred at a time, letting the page breathe between steps (a 10,000-card
 * export from a phone is parsed without one long task).
 */
export async function readVcardFile(blob: Blob, signal?: AbortSignal): Promise<Vcard[]> {
  const text = decodeVcardBytes(new Uint8Array(await blob.arrayBuffer()));
  const cards: Vcard[] = [];
  const end = /END:VCARD[^\S\r\n]*(?:\r\n|\r|\n|$)/gi;
  let from = 0;
  let line = 0;
  let count = 0;
  for (let m = end.exec(text); ; m = end.exec(text)) {
    count += m ? 1 : 0;
    if (m && count % CARDS_PER_STEP !== 0) continue;
    const to = m ? m.index + m[0].length : text.length;
    const segment = text.slice(from, to);
    for (const card of parseVcards(segment)) {
      cards.push({ ...card, index: cards.length + 1, line: card.line + line });
    }
    line += segment.split(/\r\n|\r|\n/).length - 1;
    from = to;
    if (!m) break;
    signal?.throwIfAborted();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return cards;
}
