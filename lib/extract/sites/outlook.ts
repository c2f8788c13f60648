import { describe } from '../dom';
import { bodyLines } from '../email/marks';
import { emailsInText } from '../patterns';
import { siteOf } from '../site-list';
import { cleanText } from '../text';
import type { Extractor, RawMessage } from '../types';

/** The signed-in account (the account manager's secondary line is the address). */
function accountAddresses(doc: Document): string[] {
  const self: string[] = [];
  for (const el of doc.querySelectorAll(
    '#mectrl_currentAccount_secondary, [data-testid="mectrl_currentAccount_secondary"]',
  ))
    for (const e of emailsInText(el.textContent ?? '', 2)) self.push(e.value);
  return self;
}

/**
 * The address texts in one Outlook header area, read off the page (email/thread.ts). Outlook shows a person as
 * "Jane Doe<jane@acme.com>" (text), with the address in a `title` attribute, or as a persona button's label.
 */
function peopleIn(el: Element | null): string[] {
  if (!el) return [];
  const text = cleanText(el.textContent);
  if (emailsInText(text, 1).length) return [text];
  const titles = [...el.querySelectorAll('[title*="@"]')].slice(0, 50).map((t) => t.getAttribute('title') ?? '');
  if (titles.length) return titles;
  const label = cleanText(el.getAttribute('aria-label') ?? '').replace(/^(?:from|to|cc)\s*:\s*/i, '');
  return label ? [label] : [];
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
  thread(doc) {
    const pane = doc.querySelector(
      '#ReadingPaneContainerId, [aria-label="Reading Pane"], [data-app-section="ReadingPane"]',
    );
    if (!pane) return null;
    let items = [
      ...pane.querySelectorAll('[aria-label="Email message"], [data-testid="ConversationReadingPaneMessage"]'),
    ];
    if (!items.length) items = [pane];
    const messages: RawMessage[] = [];
    for (const item of items.slice(0, 100)) {
      const fromEl = item.querySelector('[aria-label^="From" i], [data-testid="SenderPersona"]');
      const to = [
        ...peopleIn(item.querySelector('[aria-label^="To" i]')),
        ...peopleIn(item.querySelector('[aria-label^="Cc" i]')),
      ];
      const body = item.querySelector('[aria-label="Message body"], [role="document"]');
      messages.push({
        from: peopleIn(fromEl)[0] ?? '',
        fromAt: fromEl ? describe(fromEl) : '',
        to,
        lines: body ? bodyLines(body) : [],
      });
    }
    return { source: 'outlook', self: accountAddresses(doc), messages };
  },
};
