import '@/components/theme.css';
import './popup.css';
import { recall } from '@/lib/popup/tab-memory';
import type { PopupTab } from './App';

/**
 * The popup's first module, kept tiny: it starts the browser calls the first screen waits on (the tab, the
 * settings, the page reader) at once, and loads the UI and the database code while they run, instead of before
 * them. render.tsx takes it from there.
 */

/** `?tabId=N` opens the popup for a given tab (e2e tests); otherwise it is the active tab's popup. */
async function targetTab(): Promise<PopupTab> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tabId'));
  const tab =
    Number.isInteger(fromUrl) && fromUrl > 0
      ? await browser.tabs.get(fromUrl).catch(() => undefined)
      : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  // The URL is visible for the tab the rep clicked on (activeTab); elsewhere it is simply unknown.
  return { id: tab?.id ?? (fromUrl > 0 ? fromUrl : undefined), url: tab?.url ?? '' };
}

// The background prepares the page's capture: wake it now, in parallel, rather than when the page has been read.
browser.runtime.sendMessage({ type: 'popup.wake', payload: {} }).catch(() => undefined);
const tab = targetTab();
const storedSettings = browser.storage.local.get('settings').then((s) => s.settings as unknown);
const reader = import('@/lib/popup/read-tab');
const capture = Promise.all([tab, reader]).then(([{ id }, { readTab }]) => readTab(id));
const remembered = tab.then(({ id, url }) => recall(id, url));
// Reopened on a page where people were found before: the first screen needs nothing from the page, so the UI's
// code loads at once. Otherwise the page is the only source: the reader's code first, then the UI's while the
// page is being read (both on the main thread at once would only delay the read).
const { start } = await remembered.then((people) =>
  people.length ? import('./render') : reader.catch(() => undefined).then(() => import('./render')),
);
await start(tab, storedSettings, capture, remembered);
