import './popup.css';
import { nativeBrowser } from '@/lib/native-browser';
import { applyPreloadedStyles } from '@/lib/popup/preloaded-styles';
import { readPage } from '@/lib/popup/read-page';
import { recall } from '@/lib/popup/tab-memory';
import type { PopupTab } from './App';

/**
 * The popup's first module, kept tiny: it starts the browser calls the first screen waits on (the tab, the
 * settings, the page read) at once, and loads the UI and the database code while they run, instead of before
 * them. render.tsx takes it from there. Its stylesheet is only preloaded by the HTML (one in the HTML holds back
 * module scripts until it has loaded) and applied here, before anything is drawn; and it loads no polyfill: it
 * talks to the browser's own API (lib/native-browser.ts).
 */
const api = nativeBrowser();

/** `?tabId=N` opens the popup for a given tab (e2e tests); otherwise it is the active tab's popup. */
async function targetTab(): Promise<PopupTab> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tabId'));
  const tab =
    Number.isInteger(fromUrl) && fromUrl > 0
      ? await api.tabs.get(fromUrl).catch(() => undefined)
      : (await api.tabs.query({ active: true, currentWindow: true }))[0];
  // The URL is visible for the tab the rep clicked on (activeTab); elsewhere it is simply unknown.
  return { id: tab?.id ?? (fromUrl > 0 ? fromUrl : undefined), url: tab?.url ?? '' };
}

// Steps of the open, marked for the benchmark's breakdown (npm run bench -- popup-open).
performance.mark('popup:start');
// The background prepares the page's capture: wake it now, in parallel, rather than when the page has been read.
api.runtime.sendMessage({ type: 'popup.wake', payload: {} }).catch(() => undefined);
const tab = targetTab();
// The page is read in its own tab's process: the popup's main thread is free meanwhile to load the UI's code.
const capture = tab.then(({ id }) => readPage(id));
const storedSettings = api.storage.local.get('settings').then((s) => s.settings as unknown);
const remembered = tab.then(({ id, url }) => recall(id, url));
void tab.then(() => performance.mark('popup:tab'));
void capture.then(() => performance.mark('popup:page-read'));
const styled = applyPreloadedStyles(document);
const { start } = await import('./render');
performance.mark('popup:code');
await start(tab, storedSettings, capture, remembered, styled);
