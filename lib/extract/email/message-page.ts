import { blockText } from '../dom';
import type { RawCandidate } from '../types';
import { BODY_MARKS, readLines } from './body';
import { threadPeople } from './thread';

/** A page that shows one message starts with its header: "From:" and, close below, "To:", "Date:" or "Sent:". */
const FROM_LINE = /^(?:From|Dari|Von|Van|De|Author)\s*:/i;
const OTHER_HEADER = /^(?:To|Kepada|Date|Tanggal|Sent|Dikirim|Subject|Subjek|Perihal|Cc|An|Aan|Datum|Betreff)\s*:/i;
/** Cheap test on the raw text before any walk: most pages are not messages. */
const MAYBE = /(?:From|Dari|Von|Van|De|Author)\s*:/;

/**
 * A page that is an email message rather than a mail client: a message saved as HTML or printed from a mail
 * program, a mailing-list archive, a plain-text message in a `<pre>`. Its header (From, To, Date…) names the
 * sender and recipients; the body's signature and the quoted or forwarded messages are read as in Gmail.
 * Returns [] when the page does not start with a message header.
 */
export function messagePagePeople(doc: Document, url: URL): RawCandidate[] {
  const body = doc.body;
  if (!body || !MAYBE.test((body.textContent ?? '').slice(0, 20_000))) return [];
  const lines = blockText(body, { marks: BODY_MARKS, maxChars: 300_000 });
  let at = -1;
  for (let i = 0; i < Math.min(lines.length, 60) && at < 0; i++) {
    if (!FROM_LINE.test(lines[i]!)) continue;
    for (let k = i + 1; k <= i + 8 && k < lines.length; k++) if (OTHER_HEADER.test(lines[k]!)) at = i;
  }
  // A header further up names the message too ("Subject:" / "From:" in either order).
  if (at < 0) return [];
  const segments = readLines(lines.slice(at));
  const top = segments[0];
  if (!top?.from) return [];
  return threadPeople(
    'email-message',
    [{ from: top.from, fromEl: null, to: top.to, body: null, segments }],
    new Set(),
    url,
  );
}
