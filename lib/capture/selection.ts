import { parseAddressList } from '../extract/email/addresses';
import { parseSignature } from '../extract/email/signature';
import { emailsInText } from '../extract/patterns';
import { siteOf } from '../extract/site-list';
import { mailtoAddresses, nameHint } from '../extract/sources/mailto-tel';
import { cleanText, looksLikeName } from '../extract/text';
import type { FieldSource, RawCandidate } from '../extract/types';
import type { RawPageCapture } from './raw';

/** What the selection reader returns from the page. */
export interface SelectionRead {
  text: string;
  /** mailto:, tel: and web links inside the selection (a selected name may carry its address only in a link). */
  links: string[];
}

/**
 * Injected with scripting.executeScript({ func }) when the rep chooses "Save selection as prospect": the
 * selected text, line breaks kept, and the links inside it. Self-contained (it is serialised into the page) and
 * it reads only the rep's selection (the one place layout may be touched: the rep made it).
 */
export function readSelectionInPage(): SelectionRead {
  const sel = getSelection();
  const text = (sel?.toString() ?? '').slice(0, 20_000);
  const links: string[] = [];
  for (let i = 0; sel && i < sel.rangeCount && links.length < 50; i++) {
    const range = sel.getRangeAt(i);
    const frag = range.cloneContents();
    const start = range.startContainer.parentElement?.closest('a[href]');
    if (start) links.push(start.getAttribute('href') ?? '');
    for (const a of frag.querySelectorAll('a[href]')) if (links.length < 50) links.push(a.getAttribute('href') ?? '');
  }
  return { text, links };
}

/**
 * Injected for "Save email address as prospect": the text of the link the rep right-clicked (its name hint).
 * Self-contained; compares resolved hrefs, so `mailto:` links written in any form are found.
 */
export function readLinkTextInPage(href: string): string {
  for (const a of document.querySelectorAll('a[href]'))
    if ((a as HTMLAnchorElement).href === href) return (a.textContent ?? '').slice(0, 300);
  return '';
}

function rawCapture(pageUrl: string, title: string, found: RawCandidate[]): RawPageCapture {
  let url = pageUrl;
  let site = 'web';
  try {
    site = siteOf(new URL(pageUrl));
  } catch {
    url = 'about:blank';
  }
  return {
    url: url.slice(0, 8000),
    title: cleanText(title),
    site,
    lang: '',
    siteName: '',
    found,
    threads: [],
    fragments: [],
    failed: [],
  };
}

/**
 * The person (or people) in a selected piece of text, for the context menu's "Save selection as prospect":
 * `Jane Doe <jane@acme.com>` lists become one prospect each; any other selection is read like a signature block
 * (name on the first line, title and company, phones, emails, links), with addresses found only in the
 * selection's links added.
 */
export function parseSelection(read: SelectionRead, pageUrl: string, title = ''): RawPageCapture {
  const text = read.text.slice(0, 20_000);
  const source = (detail: string, confidence: number): FieldSource => ({ source: 'selection', detail, confidence });
  const listed = parseAddressList(text, 50).filter((a) => a.email && a.name);
  if (listed.length >= 2) {
    return rawCapture(
      pageUrl,
      title,
      listed.map((a) => ({
        name: a.name,
        emails: [a.email],
        provenance: { name: source('address list', 0.8), emails: source('address list', 0.9) },
        confidence: 0.8,
      })),
    );
  }
  const lines = text
    .split(/\r?\n|(?<!\s)(?:\s{3,}|\s+[|•]\s+)/)
    .map((l) => cleanText(l, 300))
    .filter(Boolean);
  const sig = parseSignature(lines, '');
  const c: RawCandidate = { provenance: {}, confidence: 0.75 };
  const p = c.provenance!;
  const addr = parseAddressList(text, 5).find((a) => a.email);
  let name = sig.name || addr?.name || '';
  if (!name) {
    // "Jane Doe, VP Sales" or "Jane Doe jane@acme.com": the words before the first comma or address.
    const first = cleanText(lines[0]?.split(/,|\s[-–—]\s|<|\(/)[0]);
    const beforeEmail = cleanText(
      text
        .slice(0, emailsInText(text, 1)[0]?.index ?? 0)
        .split(/[\n,:;<(]/)
        .pop(),
    );
    name = [first, beforeEmail].find((n) => looksLikeName(n)) ?? '';
  }
  if (name) {
    c.name = name;
    p.name = source('selected text', 0.7);
  }
  if (sig.jobTitle) {
    c.jobTitle = sig.jobTitle;
    p.jobTitle = source('selected text', 0.6);
  }
  if (sig.company) {
    c.company = sig.company;
    p.company = source('selected text', 0.55);
  }
  const emails = [...sig.emails, ...emailsInText(text, 10).map((e) => e.value)];
  const phones = [...sig.phones];
  const urls = [...sig.urls];
  for (const href of read.links) {
    if (/^mailto:/i.test(href)) emails.push(...mailtoAddresses(href));
    else if (/^tel:/i.test(href)) phones.push(href);
    else if (/^https?:/i.test(href)) urls.push(href);
  }
  if (emails.length) {
    c.emails = [...new Set(emails)];
    p.emails = source('selected text', 0.8);
  }
  if (phones.length) {
    c.phones = [...new Set(phones)];
    p.phones = source('selected text', 0.6);
  }
  const li = sig.linkedinUrl || urls.find((u) => /linkedin\.com\/in\//i.test(u)) || '';
  if (li) {
    c.linkedinUrl = li;
    p.linkedinUrl = source('selected link', 0.8);
  }
  if (urls.length) {
    c.urls = [...new Set(urls)].slice(0, 20);
    p.urls = source('selected link', 0.6);
  }
  return rawCapture(pageUrl, title, c.name || c.emails?.length || c.linkedinUrl ? [c] : []);
}

/** "Save email address as prospect" on a `mailto:` link: its addresses, its text as the name. */
export function parseEmailLink(href: string, linkText: string, pageUrl: string, title = ''): RawPageCapture {
  const emails = mailtoAddresses(href.slice(0, 2000));
  const name = nameHint(linkText);
  const found: RawCandidate[] = emails.length
    ? [
        {
          ...(name ? { name } : {}),
          emails: emails.slice(0, 1),
          provenance: {
            emails: { source: 'context-menu', detail: 'mailto link', confidence: 0.9 },
            ...(name ? { name: { source: 'context-menu', detail: 'link text', confidence: 0.5 } } : {}),
          },
          confidence: 0.7,
        },
      ]
    : [];
  return rawCapture(pageUrl, title, found);
}
