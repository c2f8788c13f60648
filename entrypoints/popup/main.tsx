import { render } from 'preact';
import '@/components/theme.css';
import './popup.css';
import { applyLocale } from '@/lib/i18n/init';
import { loadSettings } from '@/lib/settings/store';
import { App } from './App';

/** `?tabId=N` opens the popup for a given tab (e2e tests); otherwise it is the active tab's popup. */
async function targetTabId(): Promise<number | undefined> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

const [settings, tabId] = await Promise.all([loadSettings(), targetTabId()]);
applyLocale(settings);
render(<App tabId={tabId} settings={settings} />, document.getElementById('app')!);
