import { render } from 'preact';
import '@/components/theme.css';
import './popup.css';
import { getDb } from '@/lib/db/database';
import { applyLocale } from '@/lib/i18n/init';
import { type FirstScreen, loadFirstScreen } from '@/lib/popup/first-screen';
import { popupSettingsFrom } from '@/lib/popup/quick-settings';
import { readTab } from '@/lib/popup/read-tab';
import { App, type PopupTab } from './App';

/** How long the popup waits for its first screen's data before showing a "reading the page" state instead. */
const FIRST_SCREEN_WAIT_MS = 300;

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

// Everything the first screen needs starts at once, in parallel: the database opens, the settings and the tab
// are read, the page is read as soon as the tab is known, and the store is queried as soon as the page is read.
const db = getDb();
// The page reader's code (with the schema library that checks its answer) loads while the tab is looked up.
void import('@/lib/capture/inject');
const tabPromise = targetTab();
const capture = tabPromise.then((tab) => readTab(tab.id));
const firstScreen = tabPromise.then((tab) => loadFirstScreen(db, tab.url, capture));
const [stored, tab, first] = await Promise.all([
  browser.storage.local.get('settings'),
  tabPromise,
  // A slow page (huge, or busy) must not leave the popup blank: past the wait, it renders and fills in live.
  Promise.race([
    firstScreen.catch(() => null),
    new Promise<null>((ok) => setTimeout(() => ok(null), FIRST_SCREEN_WAIT_MS)),
  ]) as Promise<FirstScreen | null>,
]);
const settings = popupSettingsFrom(stored.settings);
applyLocale(settings);
render(<App tab={tab} settings={settings} capture={capture} first={first} />, document.getElementById('app')!);
