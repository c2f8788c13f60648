import { type Address, parseAddressList } from '../email/addresses';
import { type ShownMessage, threadPeople } from '../email/thread';
import { siteOf } from '../site-list';
import { cleanText } from '../text';
import type { Extractor } from '../types';

/** The signed-in account (the account manager's secondary line is the address). */
function accountAddresses(doc: Document): Set<string> {
  const self = new Set<string>();
  for (const el of doc.querySelectorAll(
    '#mectrl_currentAccount_secondary, [data-testid="mectrl_currentAccount_secondary"]',
  ))
    for (const a of parseAddressList(el.textContent ?? '', 2)) if (a.email) self.add(a.email);
  return self;
}

/**
 * People in one Outlook header area. Outlook shows a person as "Jane Doe<jane@acme.com>" (text), with the address
 * in a `title` attribute, or as a persona button "Opens Profile Card for Jane Doe".
 */
function peopleIn(el: Element | null): Address[] {
  if (!el) return [];
  const found = parseAddressList(el.textContent ?? '', 50).filter((a) => a.email);
  if (found.length) return found;
  const out: Address[] = [];
  for (const t of el.querySelectorAll('[title*="@"]')) out.push(...parseAddressList(t.getAttribute('title') ?? '', 1));
  if (out.length) return out;
  const label = cleanText(el.getAttribute('aria-label') ?? '').replace(/^(?:from|to|cc)\s*:\s*/i, '');
  return label ? parseAddressList(label, 20) : [];
}

/**
 * Outlook on the web (work and personal): the message or conversation in the reading pane. Each message's
 * sender (`[aria-label^="From"]`), recipients (`To`, `Cc`), body signature, and quoted / forwarded senders
 * (`#divRplyFwdMsg` headers). The message list is never read.
 */
export const outlook: Extractor = {
  id: 'outlook',
  site: 'outlook',
  priority: 200,
  generic: 'never',
  matches: (url) => siteOf(url) === 'outlook',
  extract(doc, url) {
    const pane = doc.querySelector(
      '#ReadingPaneContainerId, [aria-label="Reading Pane"], [data-app-section="ReadingPane"]',
    );
    if (!pane) return [];
    let items = [
      ...pane.querySelectorAll('[aria-label="Email message"], [data-testid="ConversationReadingPaneMessage"]'),
    ];
    if (!items.length) items = [pane];
    const messages: ShownMessage[] = [];
    for (const item of items.slice(0, 100)) {
      const fromEl = item.querySelector('[aria-label^="From" i], [data-testid="SenderPersona"]');
      const to = [
        ...peopleIn(item.querySelector('[aria-label^="To" i]')),
        ...peopleIn(item.querySelector('[aria-label^="Cc" i]')),
      ];
      const body = item.querySelector('[aria-label="Message body"], [role="document"]');
      messages.push({ from: peopleIn(fromEl)[0] ?? null, fromEl, to, body });
    }
    return threadPeople('outlook', messages, accountAddresses(doc), url);
  },
};
