import { clip } from '../../text/clip';
import { blockText } from '../dom';
import { THREAD_LIMITS } from './types';

const STOP = '\u0001STOP';

/** Where a message's own text ends: the signature, the quoted or forwarded history, the client's reply header. */
const STOP_MARKS: [string, string][] = [
  [
    '.gmail_signature, [data-smartmail="gmail_signature"], #Signature, #x_Signature, .moz-signature, .gmail_quote, blockquote, #divRplyFwdMsg, #x_divRplyFwdMsg, #appendonsend, #x_appendonsend, .moz-cite-prefix, .yahoo_quoted',
    STOP,
  ],
];

/** A line that starts quoted history or a signature when the client did not mark it. Each is linear. */
const QUOTE_START = [
  /^-{2,} ?$/, // "-- " before a signature
  /^-{3,} ?(?:original message|forwarded message|pesan asli|pesan (?:yang )?diteruskan) ?-{3,}$/i,
  /^(?:on|pada) .{1,300} (?:wrote|menulis):?$/i,
  /^(?:from|dari): /i,
  /^>/,
];

/**
 * The first lines of a message body, in reading order, up to the first sign of quoted history or a signature,
 * joined by spaces and cut at `max` characters (on a word where one is near). Reads text nodes only: no layout.
 */
export function firstLines(body: Element, max: number = THREAD_LIMITS.firstLines): string {
  const lines = blockText(body, { marks: STOP_MARKS, maxChars: THREAD_LIMITS.bodyChars });
  const kept: string[] = [];
  let size = 0;
  for (const raw of lines) {
    if (raw === STOP) break;
    const line = clip(raw, THREAD_LIMITS.line);
    if (QUOTE_START.some((re) => re.test(line))) break;
    kept.push(line);
    size += line.length + 1;
    if (size > max) break;
  }
  return cut(kept.join(' '), max);
}

/** `text` at most `max` characters, ending on a whole word with "…" when it was cut. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = clip(text, max - 1);
  const space = head.lastIndexOf(' ');
  return `${space > max * 0.7 ? head.slice(0, space) : head}…`;
}
