import { blockText } from '../dom';
import { type Address, parseAddressList, parseAttribution } from './addresses';
import { parseSignature, type Signature, signatureStart } from './signature';

const SIG = '\u0001SIG';
const QUOTE = '\u0001QUOTE';

/** Elements mail clients use for signatures and for quoted or forwarded history. */
const MARKS: [string, string][] = [
  [
    '.gmail_signature, [data-smartmail="gmail_signature"], #Signature, #x_Signature, .x_gmail_signature, .moz-signature, [id^="signature" i]',
    SIG,
  ],
  [
    '.gmail_quote, blockquote, #divRplyFwdMsg, #x_divRplyFwdMsg, .x_gmail_quote, #appendonsend, #x_appendonsend, .moz-cite-prefix, .yahoo_quoted',
    QUOTE,
  ],
];

const SEPARATOR =
  /^(?:-{3,}\s*(?:forwarded message|original message|pesan (?:yang )?diteruskan|pesan asli|weitergeleitete nachricht|message transféré|ursprüngliche nachricht)\s*-{3,}|begin forwarded message:?|_{10,})$/i;
const HEADER =
  /^(From|Van|Von|De|Dari|Da|Från|Fra|Sent|Date|Tanggal|Dikirim|Gesendet|Envoyé|To|Kepada|Aan|An|À|Para|Cc|Subject|Subjek|Perihal|Betreff|Objet|Onderwerp|Asunto)\s*:(.*)$/i;
const FROM = /^(?:From|Van|Von|De|Dari|Da|Från|Fra)$/i;
const TO = /^(?:To|Kepada|Aan|An|À|Para)$/i;
const CC = /^Cc$/i;

/** One message inside an email body: the body's own (header null) or a quoted / forwarded one. */
export interface Segment {
  from: Address | null;
  to: Address[];
  lines: string[];
  /** Index in `lines` where a signature element started, if the mail client marked one. */
  sigAt: number;
}

/**
 * Splits a message body into the sender's own text and each quoted or forwarded message, reading their header
 * lines ("From: Jane Doe <jane@acme.com>", "On … Jane wrote:") in English, Bahasa Indonesia and a few more.
 */
export function readBody(body: Element): Segment[] {
  const lines = blockText(body, { marks: MARKS, maxChars: 300_000 });
  const segments: Segment[] = [];
  let cur: Segment = { from: null, to: [], lines: [], sigAt: -1 };
  let inHeader = false;
  const start = () => {
    segments.push(cur);
    cur = { from: null, to: [], lines: [], sigAt: -1 };
  };
  for (const raw of lines.slice(0, 5000)) {
    if (raw === QUOTE) {
      // A header with no text yet ("On … Jane wrote:" then the blockquote) keeps the quote that follows it.
      if (cur.lines.length) start();
      inHeader = false;
      continue;
    }
    if (raw === SIG) {
      if (cur.sigAt < 0) cur.sigAt = cur.lines.length;
      continue;
    }
    const line = raw.replace(/^(?:>\s?)+/, '');
    if (SEPARATOR.test(line)) {
      if (cur.lines.length || cur.from) start();
      inHeader = true;
      continue;
    }
    const attribution = parseAttribution(line);
    if (attribution) {
      if (cur.lines.length || cur.from) start();
      cur.from = attribution;
      inHeader = false;
      continue;
    }
    const h = HEADER.exec(line);
    if (h && (inHeader || FROM.test(h[1]!))) {
      if (FROM.test(h[1]!)) {
        if (cur.lines.length || cur.from) start();
        cur.from = parseAddressList(h[2]!, 1)[0] ?? null;
        inHeader = true;
      } else if (TO.test(h[1]!) || CC.test(h[1]!)) cur.to.push(...parseAddressList(h[2]!, 20));
      continue;
    }
    inHeader = false;
    cur.lines.push(line);
  }
  segments.push(cur);
  return segments.filter((s) => s.lines.length || s.from);
}

/** The signature of a segment: where the client marked it, else after `--` or a sign-off. */
export function segmentSignature(seg: Segment, senderName: string, senderEmail: string): Signature | null {
  const at = seg.sigAt >= 0 ? seg.sigAt : signatureStart(seg.lines, senderName);
  if (at < 0) return null;
  // The signature ends where the next quoted block began; take at most a dozen lines of it.
  return parseSignature(seg.lines.slice(at, at + 12), senderEmail.split('@')[1] ?? '');
}
