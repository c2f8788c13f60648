import { browser } from 'wxt/browser';
import { extractPage } from '@/lib/extract/extract-page';

/**
 * The practice page is one of the extension's own pages, where the browser lets no extension run a script (the
 * page reader cannot be injected here). So it carries the same reader itself, with its tab's id, and the popup
 * calls it through the page's window when injecting into that tab is refused (lib/capture/run-reader.ts): the
 * rep practises the real click on the real reader, and no web page is involved.
 */
const page = window as unknown as { prospectorReadPage: () => unknown; prospectorTabId?: number };
page.prospectorReadPage = () => extractPage(document, location.href);
void browser.tabs.getCurrent().then((tab) => {
  page.prospectorTabId = tab?.id;
});
