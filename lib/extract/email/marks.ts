import { blockText } from '../dom';

/** Lines standing for a signature element and for quoted history in a body's text (see readLines). */
export const SIG = '\u0001SIG';
export const QUOTE = '\u0001QUOTE';

/** Elements mail clients use for signatures and for quoted or forwarded history. */
export const BODY_MARKS: [string, string][] = [
  [
    '.gmail_signature, [data-smartmail="gmail_signature"], #Signature, #x_Signature, .x_gmail_signature, .moz-signature, [id^="signature" i]',
    SIG,
  ],
  [
    '.gmail_quote, blockquote, #divRplyFwdMsg, #x_divRplyFwdMsg, .x_gmail_quote, #appendonsend, #x_appendonsend, .moz-cite-prefix, .yahoo_quoted',
    QUOTE,
  ],
];

/** Most lines and characters per line a body hands on: enough for any signature, bounded for any page. */
const MAX_LINES = 5000;
const MAX_LINE = 2000;

/** A message body's text as lines, with the client's signature and quote marks: all the page reader does with it. */
export function bodyLines(body: Element, maxChars = 300_000): string[] {
  return blockText(body, { marks: BODY_MARKS, maxChars })
    .slice(0, MAX_LINES)
    .map((l) => l.slice(0, MAX_LINE));
}
