import { siteOf } from '../site-list';
import { readGmailThread } from './gmail';
import { readOutlookThread } from './outlook';
import type { RawThread } from './types';

/**
 * "Log this thread": the open email thread on Gmail or Outlook on the web, read only when the rep asks (injected
 * as /thread.js by the popup). Null anywhere else, or when no thread is open. Never throws into the page.
 */
export function readThread(doc: Document, href: string): RawThread | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const site = siteOf(url);
  try {
    if (site === 'gmail') return readGmailThread(doc, url);
    if (site === 'outlook') return readOutlookThread(doc, url);
  } catch (err) {
    console.warn('Prospector: could not read the thread', err);
  }
  return null;
}
