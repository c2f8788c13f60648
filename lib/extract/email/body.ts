import { type Address, parseAddressList, parseAttribution } from './addresses';
import { bodyLines, QUOTE, SIG } from './marks';
import { unquotePrintable } from './quoted-printable';
import { findSignature, type Signature } from './signature';

/** Lines that open forwarded or quoted history: Gmail's, Outlook's, Lotus Notes' and Apple Mail's, in EN and ID. */
const SEPARATOR =
  /^(?:-{3,}\s*(?:forwarded message|original message|pesan (?:yang )?diteruskan|pesan asli|weitergeleitete nachricht|message transféré|ursprüngliche nachricht)\s*-{3,}|-{3,} ?forwarded by .{1,200}|begin forwarded message:?|_{3,} ?reply separator ?_{3,}|_{10,})$/i;
const HEADER =
  /^(From|Author|Van|Von|De|Dari|Da|Från|Fra|Sent|Sent by|Date|Tanggal|Dikirim|Gesendet|Envoyé|To|Kepada|Aan|An|À|Para|Cc|Bcc|Subject|Subjek|Perihal|Betreff|Objet|Onderwerp|Asunto)\s*:(.*)$/i;
const FROM = /^(?:From|Author|Van|Von|De|Dari|Da|Från|Fra)$/i;
const TO = /^(?:To|Kepada|Aan|An|À|Para)$/i;
const CC = /^B?cc$/i;
/** A line that is only a date and time, as Lotus Notes writes it under the sender: "04/16/2001 09:06 AM". */
const DATE_LINE = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}(?: \d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?: ?[AP]M)?)?$/i;
/** Notes' header on one line: "Jane Doe@ACME 05/30/2001 05:02 PM To: … cc: … Subject: …". */
const INLINE_NOTES = /^(.{2,100}?) \d{1,2}\/\d{1,2}\/\d{2,4} \d{1,2}:\d{2}(?: ?[AP]M)? To: /i;
/** "Jane Doe <jane@x> on 04/20/2000 09:13 AM": Notes' one-line sender. */
const ON_DATE = / on \d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b/;

/** One message inside an email body: the body's own (header null) or a quoted / forwarded one. */
export interface Segment {
  from: Address | null;
  to: Address[];
  lines: string[];
  /** Index in `lines` where a signature element started, if the mail client marked one. */
  sigAt: number;
}

/** The line read as a header: its label and value (the value may sit on the next line: "From:" / "Jane"). */
function headerAt(lines: readonly string[], i: number): { label: string; value: string; used: number } | null {
  const h = HEADER.exec(lines[i]!);
  if (!h) return null;
  const label = h[1]!;
  const value = h[2]!.trim();
  const next = lines[i + 1];
  if (!value && next !== undefined && !HEADER.test(next) && !/^(?:cc|sent by|bcc)$/i.test(label))
    return { label, value: next, used: 2 };
  return { label, value, used: 1 };
}

/**
 * Lotus Notes' reply header has no "From:": the sender on a line, then a date line ("Sent by:" may sit between),
 * then "To:". Returns how many lines the sender and date take, or 0.
 */
function notesHeader(lines: readonly string[], i: number): number {
  const line = lines[i]!;
  if (line.length > 200 || HEADER.test(line) || DATE_LINE.test(line)) return 0;
  // "Jane <jane@x> on 04/20/2000" [time on the next line], then "To:".
  if (ON_DATE.test(line)) {
    for (let k = i + 1; k <= i + 2 && k < lines.length; k++) if (/^to\s*:/i.test(lines[k]!)) return k - i;
    return 0;
  }
  let k = i + 1;
  if (/^sent by\s*:/i.test(lines[k] ?? '')) k++;
  if (!DATE_LINE.test(lines[k] ?? '')) return 0;
  k++;
  if (/^sent by\s*:/i.test(lines[k] ?? '')) k++;
  return /^to\s*:/i.test(lines[k] ?? '') ? k - i : 0;
}

/**
 * Outlook's "From: Assistant <a@acme.com> On Behalf Of Boss <b@acme.com>" (Indonesian "atas nama"): the message,
 * and so the signature, is the one it is sent on behalf of.
 */
function onBehalfOf(value: string): string {
  const at = /\b(?:on behalf of|atas nama)\b/i.exec(value);
  return at ? value.slice(at.index + at[0].length) : value;
}

/**
 * Splits a message body into the sender's own text and each quoted or forwarded message, reading their header
 * lines ("From: Jane Doe <jane@acme.com>", "On … Jane wrote:", Notes' "Jane Doe / date / To:") in English, Bahasa
 * Indonesia and a few more. Quoting marks ("> ") are read through.
 */
export function readBody(body: Element): Segment[] {
  return readLines(bodyLines(body));
}

/** readBody over lines already read. */
export function readLines(all: readonly string[]): Segment[] {
  const lines = unquotePrintable(
    all.slice(0, 5000).map((l) => (l === QUOTE || l === SIG ? l : l.replace(/^(?:>\s?)+/, '').trim())),
  );
  const segments: Segment[] = [];
  let cur: Segment = { from: null, to: [], lines: [], sigAt: -1 };
  let inHeader = false;
  let inList = false;
  const start = (from: Address | null) => {
    if (cur.lines.length || cur.from) segments.push(cur);
    cur = { from, to: [], lines: [], sigAt: -1 };
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === QUOTE) {
      // A header with no text yet ("On … Jane wrote:" then the blockquote) keeps the quote that follows it.
      if (cur.lines.length) start(null);
      inHeader = false;
      continue;
    }
    if (line === SIG) {
      if (cur.sigAt < 0) cur.sigAt = cur.lines.length;
      continue;
    }
    if (!line) continue;
    if (SEPARATOR.test(line)) {
      start(null);
      inHeader = true;
      continue;
    }
    const attribution = parseAttribution(line);
    if (attribution) {
      start(attribution);
      inHeader = false;
      continue;
    }
    const h = headerAt(lines, i);
    if (h && (inHeader || FROM.test(h.label))) {
      if (FROM.test(h.label)) start(parseAddressList(onBehalfOf(h.value), 1)[0] ?? null);
      inList = TO.test(h.label) || CC.test(h.label);
      if (inList) cur.to.push(...parseAddressList(h.value, 50));
      inHeader = true;
      i += h.used - 1;
      continue;
    }
    // A long To: list wraps onto the next lines: they end with a comma or hold addresses.
    if (inHeader && inList && (/,$/.test(line) || /^[^\s]*@|<[^<>]*@/.test(line))) {
      cur.to.push(...parseAddressList(line, 50));
      continue;
    }
    const inline = INLINE_NOTES.exec(line);
    if (inline) {
      start(parseAddressList(inline[1]!, 1)[0] ?? null);
      inHeader = true;
      continue;
    }
    const notes = notesHeader(lines, i);
    if (notes) {
      start(parseAddressList(line, 1)[0] ?? null);
      inHeader = true;
      i += notes - 1;
      continue;
    }
    inHeader = false;
    inList = false;
    cur.lines.push(line);
  }
  segments.push(cur);
  return segments.filter((s) => s.lines.length || s.from);
}

/** The signature of a segment: where the client marked it, else after `--`, a sign-off or the sender's name. */
export function segmentSignature(seg: Segment, senderName: string, senderEmail: string): Signature | null {
  return findSignature(seg.lines, { sigAt: seg.sigAt, senderName, senderEmail });
}
