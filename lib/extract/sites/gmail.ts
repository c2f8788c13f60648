import { parseAddressList } from '../email/addresses';
import { type ShownMessage, threadPeople } from '../email/thread';
import { cleanEmail, cleanText } from '../text';
import type { Extractor } from '../types';

/** The signed-in account's addresses (the account button's label), so the rep never captures themself. */
function accountAddresses(doc: Document): Set<string> {
  const self = new Set<string>();
  const labels = doc.querySelectorAll(
    'a[aria-label*="@"][href*="accounts.google.com"], [data-ogsr-up] [aria-label*="@"]',
  );
  for (let i = 0; i < Math.min(labels.length, 5); i++)
    for (const a of parseAddressList(labels[i]!.getAttribute('aria-label') ?? '', 3)) if (a.email) self.add(a.email);
  return self;
}

/** Gmail's person chips carry the address and name as attributes: `<span class="gD" email="…" name="…">`. */
function person(el: Element | null) {
  if (!el) return null;
  const email = cleanEmail(el.getAttribute('email'));
  const name = cleanText(el.getAttribute('name') ?? el.textContent);
  return email || name ? { name: name.includes('@') ? '' : name, email } : null;
}

/**
 * Gmail: the open conversation (the URL hash names a message: `#inbox/FMfcg…`). Each expanded message's sender
 * (`.gD`) with their signature, the recipients (`.g2`), collapsed messages' senders, and quoted or forwarded
 * senders. The message list is never read: generic sources do not run here.
 */
export const gmail: Extractor = {
  id: 'gmail',
  priority: 200,
  generic: 'never',
  matches: (url) => url.hostname === 'mail.google.com',
  extract(doc, url) {
    const subject = doc.querySelector('h2.hP');
    const thread =
      subject?.closest('[role="main"]') ?? doc.querySelector('[role="main"] .adn')?.closest('[role="main"]');
    if (!thread) return [];
    const messages: ShownMessage[] = [];
    const expanded = thread.querySelectorAll('.adn');
    for (let i = 0; i < Math.min(expanded.length, 100); i++) {
      const m = expanded[i]!;
      const fromEl = m.querySelector('.gD[email], span[email].go, .iw span[email]');
      const to = [...m.querySelectorAll('.g2[email]')]
        .slice(0, 50)
        .map(person)
        .filter((p) => !!p);
      messages.push({ from: person(fromEl), fromEl, to, body: m.querySelector('.a3s') });
    }
    // Collapsed messages show only their sender.
    const collapsed = thread.querySelectorAll('.kv span[email], .kQ span[email]');
    for (let i = 0; i < Math.min(collapsed.length, 100); i++) {
      const el = collapsed[i]!;
      if (el.closest('.adn')) continue;
      messages.push({ from: person(el), fromEl: el, to: [], body: null });
    }
    return threadPeople('gmail', messages, accountAddresses(doc), url);
  },
};
