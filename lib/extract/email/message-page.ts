import type { RawThread } from '../types';
import { bodyLines } from './marks';

/** A page that shows one message starts with its header: "From:" and, close below, "To:", "Date:" or "Sent:". */
const FROM_LINE = /^(?:From|Dari|Von|Van|De|Author)\s*:/i;
const OTHER_HEADER = /^(?:To|Kepada|Date|Tanggal|Sent|Dikirim|Subject|Subjek|Perihal|Cc|An|Aan|Datum|Betreff)\s*:/i;
/** Cheap test on the raw text before any walk: most pages are not messages. */
const MAYBE = /(?:From|Dari|Von|Van|De|Author)\s*:/;

/**
 * The last reading of each page, for `owns` asked right after `extract` in the same capture: kept until the
 * current task ends, so a later capture of a changed page reads it again.
 */
const seen = new WeakMap<Document, string[] | null>();

/** The page's lines from its message header on, or null when the page does not start with one. */
export function messageLines(doc: Document): string[] | null {
  if (seen.has(doc)) return seen.get(doc)!;
  let found: string[] | null = null;
  const body = doc.body;
  if (body && MAYBE.test((body.textContent ?? '').slice(0, 20_000))) {
    // The header is at the top: a short read finds it, and only a message is read in full.
    let lines = bodyLines(body, 20_000);
    let at = -1;
    for (let i = 0; i < Math.min(lines.length, 60) && at < 0; i++) {
      if (!FROM_LINE.test(lines[i]!)) continue;
      for (let k = i + 1; k <= i + 8 && k < lines.length; k++) if (OTHER_HEADER.test(lines[k]!)) at = i;
    }
    if (at >= 0) {
      lines = bodyLines(body);
      found = lines.slice(at);
    }
  }
  seen.set(doc, found);
  queueMicrotask(() => seen.delete(doc));
  return found;
}

/**
 * A page that is an email message rather than a mail client: a message saved as HTML or printed from a mail
 * program, a mailing-list archive, a plain-text message in a `<pre>`. Its header (From, To, Date…) names the
 * sender and recipients; the body's signature and the quoted or forwarded messages are read as in Gmail, off the
 * page (email/thread.ts). Null when the page does not start with a message header.
 */
export function messagePageThread(doc: Document): RawThread | null {
  const lines = messageLines(doc);
  if (!lines) return null;
  return { source: 'email-message', self: [], messages: [{ from: '', fromAt: '', to: [], lines, headerInBody: true }] };
}
