import { type FirstData, firstDataBlock } from '../popup/first-data';
import { askedTabId } from '../popup/target-tab';
import type { PopupOpening } from './popup-open';

/**
 * The popup's page as the background serves it, with the popup's first screen written in (lib/popup/first-data.ts).
 * The popup's navigation reaches the worker (lib/background/popup-navigation.ts), which starts the answer then and
 * answers the navigation itself: the popup's built HTML, held in its memory, streamed in two parts. Everything up
 * to the popup's root goes at once, so the browser requests the popup's files as early as for the file itself; the
 * rest follows once the answer is in, with the answer as a data block after the root, or without it past
 * FIRST_DATA_WAIT_MS (the popup then asks for it, as before).
 *
 * Why: the page's modules run only once their files have arrived, ~45 ms after the click, where the answer is ready
 * at ~25 (npm run bench -- popup-open, 100,000 contacts). Asked for by the popup's first module, the answer came
 * 5-7 ms after it ran, behind the page's own load, the browser's work for it and a first empty frame; read from the
 * page, the first screen is drawn in the module's own task (issue #12, docs/popup.md).
 */

/**
 * How long the page waits for the answer, from the popup's click: about when its files arrive (~45 ms), so the
 * first module, which runs as soon as they are in and waits for the page only while it is still coming
 * (entrypoints/popup/main.tsx), seldom waits. At 30 ms about half the opens at 100,000 contacts missed it (the
 * answer ready at 27-37 ms on a store written minutes before).
 */
export const FIRST_DATA_WAIT_MS = 45;

/** The popup's HTML split after its root. */
export interface PopupPage {
  head: string;
  tail: string;
}

const ROOT = '<div id="app"></div>';

/** The HTML split after its root; null without one. */
export function pageOf(html: string): PopupPage | null {
  const at = html.indexOf(ROOT) + ROOT.length;
  return at < ROOT.length ? null : { head: html.slice(0, at), tail: html.slice(at) };
}

/**
 * The popup's page: the head and the root at once, then the first screen's data (when `data` brings it within
 * `waitMs`) and the rest. `written` is called when the data went into the page: the popup will not ask for it.
 * It carries the extension pages' CSP itself, as a response the worker makes is not the extension's file (Chrome
 * also applies the manifest's to the page: without the header, no inline script ran in it either, in the e2e test).
 */
export function servePopupPage(
  page: PopupPage,
  data: Promise<FirstData | undefined>,
  csp: string,
  waitMs: number,
  written: () => void,
): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(page.head));
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<undefined>((ok) => {
        timer = setTimeout(() => ok(undefined), waitMs);
      });
      const first = await Promise.race([data.catch(() => undefined), late]);
      clearTimeout(timer);
      try {
        controller.enqueue(encoder.encode(`${first ? firstDataBlock(first) : ''}${page.tail}`));
        controller.close();
        if (first) written();
      } catch {
        // The popup closed before its page was whole: nothing was written, and nobody reads it.
      }
    },
  });
  return new Response(body, {
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp },
  });
}

export interface PopupPagesDeps {
  /** The extension pages' CSP (the manifest's); without one the popup's page is left to the extension's file. */
  csp: string | undefined;
  /** The popup's built HTML. */
  html: Promise<string>;
  /** Starts the popup's answer for a tab (`?tabId=N`, or the active tab). */
  open(tabId: number | undefined): Promise<PopupOpening>;
  /** The stored settings, raw (as the popup reads them). */
  settings(): Promise<unknown>;
}

/**
 * For each load of the popup's page: starts its answer, and gives the page to serve with the answer written in,
 * or undefined (the HTML not read yet, no CSP to give it) to leave it to the extension's file.
 */
export function popupPages(deps: PopupPagesDeps): (url: URL) => Response | undefined {
  let page: PopupPage | null = null;
  if (deps.csp)
    deps.html.then(
      (html) => (page = pageOf(html)),
      () => undefined,
    );
  return (url) => {
    const tabId = askedTabId(url.search);
    const opening = deps.open(tabId);
    opening.catch(() => undefined);
    if (!page || !deps.csp) return undefined;
    const data = opening.then(async ({ answer, read }): Promise<FirstData> => {
      const [opened, pageRead, settings] = await Promise.all([answer, read, deps.settings()]);
      return { tabId, opened, read: pageRead, settings };
    });
    return servePopupPage(page, data, deps.csp, FIRST_DATA_WAIT_MS, () => void opening.then((o) => o.handed()));
  };
}
