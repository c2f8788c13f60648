import { describe } from '../dom';
import { bodyLines } from '../email/marks';
import { emailsInText } from '../patterns';
import { siteOf } from '../site-list';
import { cleanEmail, cleanText } from '../text';
import type { Extractor, RawMessage } from '../types';

/** The signed-in account's addresses (the account button's label), so the rep never captures themself. */
function accountAddresses(doc: Document): string[] {
  const self: string[] = [];
  // The account button lives in Gmail's header (#gb): look there first, not through the whole page.
  const scope = doc.getElementById('gb') ?? doc;
  const labels = scope.querySelectorAll(
    'a[aria-label*="@"][href*="accounts.google.com"], [data-ogsr-up] [aria-label*="@"]',
  );
  for (let i = 0; i < Math.min(labels.length, 5); i++)
    for (const e of emailsInText(labels[i]!.getAttribute('aria-label') ?? '', 3)) self.push(e.value);
  return self;
}

/** Gmail's person chips carry the address and name as attributes: `<span class="gD" email="…" name="…">`. */
function person(el: Element | null): string {
  if (!el) return '';
  // The address is in `email`, and in `data-hovercard-id` (all some chips carry).
  const email = cleanEmail(el.getAttribute('email') || el.getAttribute('data-hovercard-id'));
  const name = cleanText(el.getAttribute('name') ?? el.textContent).replace(/"/g, '');
  // As a header writes it, so the background reads chips and quoted headers alike.
  return email ? `"${name.includes('@') ? '' : name}" <${email}>` : name;
}

/**
 * Gmail: the open conversation (the URL hash names a message: `#inbox/FMfcg…`). Each expanded message's sender
 * (`.gD`) with their signature, the recipients (`.g2`), collapsed messages' senders, and quoted or forwarded
 * senders. The message list is never read: generic sources do not run here.
 */
export const gmail: Extractor = {
  id: 'gmail',
  site: 'gmail',
  priority: 200,
  generic: 'never',
  matches: (url) => siteOf(url) === 'gmail',
  thread(doc) {
    // Class look-ups are indexed by the browser: on a 50,000-element Gmail tab they cost nothing, where selector
    // walks over the message list would not.
    const subject = first(doc.getElementsByClassName('hP'), (el) => el.localName === 'h2');
    const thread = (subject ?? doc.getElementsByClassName('adn')[0])?.closest('[role="main"]');
    if (!thread) return null;
    const messages: RawMessage[] = [];
    const expanded = thread.getElementsByClassName('adn');
    for (let i = 0; i < Math.min(expanded.length, 100); i++) {
      const m = expanded[i]!;
      const fromEl =
        first(
          m.getElementsByClassName('gD'),
          (el) => el.hasAttribute('email') || el.hasAttribute('data-hovercard-id'),
        ) ?? m.querySelector('span[email].go, .iw span[email], .iw [data-hovercard-id*="@"]');
      const to = [...m.getElementsByClassName('g2')].slice(0, 50).map(person).filter(Boolean);
      const body = m.getElementsByClassName('a3s')[0];
      messages.push({
        from: person(fromEl),
        fromAt: fromEl ? describe(fromEl) : '',
        to,
        lines: body ? bodyLines(body) : [],
      });
    }
    // Collapsed messages show only their sender.
    for (const cls of ['kv', 'kQ']) {
      const collapsed = thread.getElementsByClassName(cls);
      for (let i = 0; i < Math.min(collapsed.length, 100); i++) {
        const el = collapsed[i]!.querySelector('span[email], [data-hovercard-id*="@"]');
        if (el && !el.closest('.adn')) messages.push({ from: person(el), fromAt: describe(el), to: [], lines: [] });
      }
    }
    return { source: 'gmail', self: accountAddresses(doc), messages };
  },
};

function first(list: HTMLCollectionOf<Element>, ok: (el: Element) => boolean): Element | null {
  for (let i = 0; i < list.length; i++) if (ok(list[i]!)) return list[i]!;
  return null;
}
