import { nativeBrowser } from '../native-browser';

/** The address of the practice page the welcome page offers (entrypoints/practice/). */
export const PRACTICE_PAGE = '/practice.html' as const;

type PracticeWindow = Window & { prospectorReadPage?: () => unknown; prospectorTabId?: number };

/**
 * The practice page, read through its own window: it is an extension page, where scripts cannot be injected, so
 * it carries the reader itself. Only extension pages with a DOM (the popup) can reach it; elsewhere, null.
 */
function readPracticePage(tabId: number): { result?: unknown }[] | null {
  const browser = nativeBrowser();
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
 * How long a page gets to answer the reader. The reader itself stops its work at 1.5 s; a page whose main
 * thread is stuck (a script in an endless loop) never answers at all, and nothing of Prospector may wait for it
 * forever: the popup says the page could not be read, the shortcut's badge shows why.
 */
export const READ_TIMEOUT_MS = 4000;

/** The page did not answer within its time (its main thread is busy or stuck). */
export class PageReadTimeout extends Error {
  constructor() {
    super('The page did not answer in time.');
    this.name = 'PageReadTimeout';
  }
}

/** `work`, or a PageReadTimeout after `ms`, whichever comes first. The timer never outlives the race. */
export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new PageReadTimeout()), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * Runs the page reader (entrypoints/capture.ts, built as /capture.js) in a tab and gives back the browser's
 * results, the reader's raw answer first: untrusted, to be validated where it lands. Rejects with
 * PageReadTimeout when the page does not answer in `timeoutMs`. Loads nothing else, so the popup's open path
 * can use it (lib/popup/read-page.ts) as the background does (lib/capture/inject.ts), through the browser's own
 * API rather than the polyfill (lib/native-browser.ts). Where the browser refuses
 * to inject — the bundled practice page is the one case we can still read — it asks the page.
 */
export async function runReader(tabId: number, timeoutMs = READ_TIMEOUT_MS): Promise<{ result?: unknown }[]> {
  try {
    return await withTimeout(
      nativeBrowser().scripting.executeScript({ target: { tabId }, files: ['/capture.js'] }),
      timeoutMs,
    );
  } catch (err) {
    if (err instanceof PageReadTimeout) throw err;
    const practice = readPracticePage(tabId);
    if (practice) return practice;
    throw err;
  }
}
