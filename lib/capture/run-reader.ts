import { browser } from 'wxt/browser';

/** The address of the practice page the welcome page offers (entrypoints/practice/). */
export const PRACTICE_PAGE = '/practice.html' as const;

type PracticeWindow = Window & { prospectorReadPage?: () => unknown; prospectorTabId?: number };

/**
 * The practice page, read through its own window: it is an extension page, where scripts cannot be injected, so
 * it carries the reader itself. Only extension pages with a DOM (the popup) can reach it; elsewhere, null.
 */
function readPracticePage(tabId: number): { result?: unknown }[] | null {
  const ext = browser.extension as unknown as { getViews?: (o: { type: 'tab' }) => Window[] } | undefined;
  const views = ext?.getViews?.({ type: 'tab' });
  const practice = browser.runtime.getURL(PRACTICE_PAGE);
  for (const view of views ?? []) {
    const win = view as PracticeWindow;
    // Only the practice page in the very tab asked about: never another tab's.
    if (!win.location.href.startsWith(practice) || win.prospectorTabId !== tabId) continue;
    if (typeof win.prospectorReadPage !== 'function') continue;
    return [{ result: win.prospectorReadPage() }];
  }
  return null;
}

/**
 * Runs the page reader (entrypoints/capture.ts, built as /capture.js) in a tab and gives back the browser's
 * results, the reader's raw answer first: untrusted, to be validated where it lands. Loads nothing else, so the
 * popup's open path can use it (lib/popup/read-page.ts) as the background does (lib/capture/inject.ts). Where the
 * browser refuses to inject — the bundled practice page is the one case we can still read — it asks the page.
 */
export async function runReader(tabId: number): Promise<{ result?: unknown }[]> {
  try {
    return await browser.scripting.executeScript({ target: { tabId }, files: ['/capture.js'] });
  } catch (err) {
    const practice = readPracticePage(tabId);
    if (practice) return practice;
    throw err;
  }
}
