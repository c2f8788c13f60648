import './popup.css';
import { nativeBrowser } from '@/lib/native-browser';
import { applyPageStyles } from '@/lib/page-styles';
import { askBackground } from '@/lib/popup/ask-background';
import { readFirstData } from '@/lib/popup/first-data';
import { pageRead } from '@/lib/popup/read-page';
import { askedTabId, targetTab } from '@/lib/popup/target-tab';
import { start } from './render';

/**
 * The popup's first module: it takes the first screen and the page read from the page itself, where the background
 * wrote them in as it served the page (lib/background/popup-page.ts: it starts both as the popup's page begins to
 * load), or else asks the background for both at once (the page was served from the extension's file: a worker
 * not running, an answer not ready in time), and hands over to render.tsx. The first screen's code is imported
 * statically, in the same module graph: the HTML preloads all of it, and a dynamic import of code already loaded
 * still cost a turn of the event loop and its own evaluation after this module ran (the code came 7-9 ms after the
 * first module, against 2 ms now; this module ran no later: npm run bench -- popup-open, builds taking turns). Its
 * stylesheet is only preloaded by the HTML (one in the HTML holds back module scripts until it has loaded) and
 * applied here, before anything is drawn; the open path talks to the browser's own API (lib/native-browser.ts).
 */
const api = nativeBrowser();

// Steps of the open, marked for the benchmark's breakdown (npm run bench -- popup-open).
performance.mark('popup:start');
/** `?tabId=N` opens the popup for a given tab (e2e tests); otherwise it is the active tab's popup. */
const tabId = askedTabId(location.search);
// The first screen, where the background wrote it into this page as it served it (lib/background/popup-page.ts);
// otherwise asked for, with one id for both messages: the background reads the page once for the two. This module
// runs as soon as its files are in (async: build/page-chunks.ts), so while the page is still coming, what the
// background writes in (just before the page's end, within 45 ms of the click) is waited for.
if (document.readyState === 'loading')
  await new Promise((parsed) => document.addEventListener('DOMContentLoaded', parsed, { once: true }));
const written = readFirstData(document, tabId);
const openId = crypto.randomUUID();
const opened = written ? Promise.resolve(written.opened) : askBackground('popup.open', { openId, tabId });
const backgroundRead = written ? Promise.resolve(written.read) : askBackground('popup.read', { openId, tabId });
// The popup's own view of its tab, for the UI, and to check the background answered about the same one; the tab
// its URL names is the one the written answer is about.
const tab = written && tabId !== undefined ? Promise.resolve(written.opened.tab) : targetTab(api, tabId);
// The background found the active tab itself: its read is used only if that is the popup's own tab (the two
// messages share one tab and one read); otherwise the popup reads its tab itself.
const fromBackground = Promise.all([backgroundRead, opened, tab]).then(([read, answer, own]) =>
  answer?.tab.id === own.id ? read : undefined,
);
const read = pageRead(
  fromBackground,
  tab.then(({ id }) => id),
);
const storedSettings = written
  ? Promise.resolve(written.settings)
  : api.storage.local.get('settings').then((s) => s.settings as unknown);
void tab.then(() => performance.mark('popup:tab'));
void read.then(() => performance.mark('popup:page-read'));
const styled = applyPageStyles(document);
performance.mark('popup:code');
await start(tab, storedSettings, opened, read, styled);
