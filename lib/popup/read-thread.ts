import { browser } from 'wxt/browser';
import { withTimeout } from '../capture/run-reader';
import { siteOf } from '../extract/site-list';

/** Whether the tab shows a mail client whose open thread can be logged (Gmail, Outlook on the web). */
export function canLogThread(tabUrl: string): boolean {
  try {
    const site = siteOf(new URL(tabUrl));
    return site === 'gmail' || site === 'outlook';
  } catch {
    return false;
  }
}

/**
 * Runs the thread reader (entrypoints/thread.ts, built as /thread.js) in the tab and returns its raw answer:
 * untrusted, checked with zod by the background's 'thread.log'. Null when the page shows no open thread.
 * Bounded in time like the page reader: a stuck page rejects with PageReadTimeout.
 */
export async function readThreadIn(tabId: number, timeoutMs = 4000): Promise<unknown> {
  const results = await withTimeout(
    browser.scripting.executeScript({ target: { tabId }, files: ['/thread.js'] }),
    timeoutMs,
  );
  return results[0]?.result ?? null;
}
