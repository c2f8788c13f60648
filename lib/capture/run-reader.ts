import { browser } from 'wxt/browser';

/**
 * Runs the page reader (entrypoints/capture.ts, built as /capture.js) in a tab and gives back the browser's
 * results, the reader's raw answer first: untrusted, to be validated where it lands. Loads nothing else, so the
 * popup's open path can use it (lib/popup/read-page.ts) as the background does (lib/capture/inject.ts).
 */
export function runReader(tabId: number): Promise<{ result?: unknown }[]> {
  return browser.scripting.executeScript({ target: { tabId }, files: ['/capture.js'] });
}
