import { clip } from '../../text/clip';
import { firstLines } from './first-lines';
import { type RawThread, THREAD_LIMITS, type ThreadMessage, type ThreadPerson } from './types';

const EMAIL = /^[^\s@<>]{1,200}@[^\s@<>]{1,200}$/;
/** "Jane Doe<jane@acme.com>" or "Jane Doe <jane@acme.com>", as Outlook writes a sender. */
const NAMED = /^([^<>]{0,300})<([^\s@<>]{1,200}@[^\s@<>]{1,200})>$/;

const text = (el: Element | null | undefined) => clip((el?.textContent ?? '').replace(/\s+/g, ' ').trim(), 2000);

/**
 * The people in one header area (From, To, Cc). Outlook shows each as a name with the address in a `title`, or
 * as "Name<address>" text; the address is the person, a name alone is kept only when nothing better is there.
 */
function peopleIn(area: Element | null): ThreadPerson[] {
  if (!area) return [];
  const out: ThreadPerson[] = [];
  for (const el of [...area.querySelectorAll('[title*="@"]')].slice(0, THREAD_LIMITS.recipients)) {
    const email = (el.getAttribute('title') ?? '').trim().toLowerCase();
    if (EMAIL.test(email) && !out.some((p) => p.email === email)) out.push({ name: text(el), email });
  }
  if (out.length) return out;
  const named = NAMED.exec(text(area));
  if (named) return [{ name: named[1]!.trim(), email: named[2]!.toLowerCase() }];
  return [];
}

/** The account manager's second line is the signed-in address. */
function accountAddresses(doc: Document): string[] {
  const el = doc.getElementById('mectrl_currentAccount_secondary');
  const email = text(el).toLowerCase();
  return EMAIL.test(email) ? [email] : [];
}

/** The message's date: Outlook's sent/received label, else the first tooltip in the header that is not a person. */
function dateOf(item: Element): string {
  const label = item.querySelector('[data-testid="SentReceivedSavingLabel"]');
  if (label) return clip(label.getAttribute('title') || text(label), 200);
  for (const el of [...item.querySelectorAll('[title]')].slice(0, 30)) {
    const title = el.getAttribute('title') ?? '';
    if (!title.includes('@') && /\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d{4}/.test(title)) return clip(title, 200);
  }
  return '';
}

/** The item's id from the address (`/mail/inbox/id/AAQk…`), else the address itself. */
function threadId(url: URL): string {
  const parts = url.pathname.split('/');
  const at = parts.indexOf('id');
  const id = at >= 0 ? parts[at + 1] : '';
  return id ? `outlook:${clip(decodeURIComponent(id), 500)}` : clip(url.href, 2000);
}

/**
 * Outlook on the web (work and personal): the message or conversation in the reading pane, each message's
 * sender, To and Cc, date and first lines. The message list is never read. Null when the pane shows nothing.
 */
export function readOutlookThread(doc: Document, url: URL): RawThread | null {
  const pane = doc.querySelector(
    '#ReadingPaneContainerId, [aria-label="Reading Pane"], [data-app-section="ReadingPane"]',
  );
  if (!pane) return null;
  let items = [
    ...pane.querySelectorAll('[aria-label="Email message"], [data-testid="ConversationReadingPaneMessage"]'),
  ].slice(0, THREAD_LIMITS.messages);
  if (!items.length) items = [pane];
  const messages: ThreadMessage[] = [];
  for (const item of items) {
    const from = peopleIn(item.querySelector('[aria-label^="From" i], [data-testid="SenderPersona"]'))[0] ?? null;
    const to = [
      ...peopleIn(item.querySelector('[aria-label^="To" i]')),
      ...peopleIn(item.querySelector('[aria-label^="Cc" i]')),
    ].slice(0, THREAD_LIMITS.recipients);
    const body = item.querySelector('[aria-label="Message body"], [role="document"]');
    if (from || body) messages.push({ from, to, date: dateOf(item), text: body ? firstLines(body) : '' });
  }
  if (!messages.length) return null;
  const heading = pane.querySelector('[role="heading"]');
  return {
    site: 'outlook',
    url: url.href,
    threadId: threadId(url),
    subject: clip(heading?.querySelector('[title]')?.getAttribute('title') || text(heading), 500),
    lang: clip(doc.documentElement.lang, 20),
    self: accountAddresses(doc),
    messages,
  };
}
