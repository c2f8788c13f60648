import { render } from 'preact';
import '@/components/theme.css';
import './popup.css';
import { getDb } from '@/lib/db/database';
import { applyLocale } from '@/lib/i18n/init';
import { popupSettingsFrom } from '@/lib/popup/quick-settings';
import { readTab } from '@/lib/popup/read-tab';
import { App, type PopupTab } from './App';

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

// Everything the first screen needs starts at once: the database opens, the settings and the tab are read,
// and the page reader is injected as soon as the tab is known.
void getDb()
  .open()
  .catch(() => undefined);
const tabPromise = targetTab();
const capture = tabPromise.then((tab) => readTab(tab.id));
const [stored, tab] = await Promise.all([browser.storage.local.get('settings'), tabPromise]);
const settings = popupSettingsFrom(stored.settings);
applyLocale(settings);
render(<App tab={tab} settings={settings} capture={capture} />, document.getElementById('app')!);
