import { clip } from '../../text/clip';
import { cut, firstLines } from './first-lines';
import { type RawThread, THREAD_LIMITS, type ThreadMessage, type ThreadPerson } from './types';

const EMAIL = /^[^\s@<>]{1,200}@[^\s@<>]{1,200}$/;

/** Gmail's person chips carry the address and name as attributes: `<span class="gD" email="…" name="…">`. */
function chip(el: Element | null | undefined): ThreadPerson | null {
  const email = (el?.getAttribute('email') ?? '').trim().toLowerCase();
  if (!el || !EMAIL.test(email)) return null;
  const name = clip((el.getAttribute('name') ?? '').trim(), THREAD_LIMITS.line);
  return { name: name.includes('@') ? '' : name, email };
}

/** The signed-in account: the account button's label ("Google Account: Rizal Hakim (rizal@…)"). */
function accountAddresses(doc: Document): string[] {
  const scope = doc.getElementById('gb') ?? doc;
  const out: string[] = [];
  for (const a of [...scope.querySelectorAll('a[aria-label*="@"][href*="accounts.google.com"]')].slice(0, 3)) {
    const label = clip(a.getAttribute('aria-label') ?? '', THREAD_LIMITS.line);
    for (const word of label.split(/[\s()<>]/)) if (EMAIL.test(word)) out.push(word.toLowerCase());
  }
  return out;
}

/** The message's date: the tooltip of its time label ("Wed, Jan 8, 2025, 2:41 PM"), else the label itself. */
function dateOf(m: Element): string {
  const el = m.getElementsByClassName('g3')[0];
  return clip((el?.getAttribute('title') || el?.textContent || '').trim(), 200);
}

/** The thread's permanent id (`thread-f:1790…`), the same whatever folder or label it is opened from. */
function threadId(subject: Element | null, url: URL): string {
  const perm = subject?.getAttribute('data-thread-perm-id');
  if (perm) return `gmail:${clip(perm, 200)}`;
  const last = url.hash.split('/').pop() ?? '';
  return last ? `gmail:${clip(last, 200)}` : clip(url.href, 2000);
}

/**
 * Gmail's open conversation, oldest message first: expanded messages (`.adn`: sender `.gD`, recipients `.g2`,
 * body `.a3s`) and collapsed ones (`.kv`, `.kQ`: sender and snippet only). Null when no thread is open (the inbox).
 */
export function readGmailThread(doc: Document, url: URL): RawThread | null {
  const subjectEl = [...doc.getElementsByClassName('hP')].find((el) => el.localName === 'h2') ?? null;
  const main = (subjectEl ?? doc.getElementsByClassName('adn')[0])?.closest('[role="main"]');
  if (!main) return null;
  const messages: ThreadMessage[] = [];
  // In document order, which is the thread's: oldest first.
  for (const m of [...main.querySelectorAll('.adn, .kv, .kQ')].slice(0, THREAD_LIMITS.messages)) {
    if (m.classList.contains('adn')) {
      const from = chip([...m.getElementsByClassName('gD')].find((el) => el.hasAttribute('email')));
      const to = [...m.getElementsByClassName('g2')]
        .slice(0, THREAD_LIMITS.recipients)
        .map(chip)
        .filter((p) => p !== null);
      const body = m.getElementsByClassName('a3s')[0];
      messages.push({ from, to, date: dateOf(m), text: body ? firstLines(body) : '' });
    } else if (!m.closest('.adn')) {
      const snippet = m.getElementsByClassName('iA')[0] ?? m.getElementsByClassName('y2')[0];
      const text = cut(
        clip(snippet?.textContent ?? '', THREAD_LIMITS.bodyChars)
          .replace(/\s+/g, ' ')
          .trim(),
        600,
      );
      messages.push({ from: chip(m.querySelector('span[email]')), to: [], date: dateOf(m), text });
    }
  }
  if (!messages.length) return null;
  return {
    site: 'gmail',
    url: url.href,
    threadId: threadId(subjectEl, url),
    subject: clip((subjectEl?.textContent ?? '').trim(), 500),
    lang: clip(doc.documentElement.lang, 20),
    self: accountAddresses(doc),
    messages,
  };
}
