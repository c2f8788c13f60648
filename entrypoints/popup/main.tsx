import './popup.css';
import { nativeBrowser } from '@/lib/native-browser';
import { applyPageStyles } from '@/lib/page-styles';
import { askBackground } from '@/lib/popup/ask-background';
import { pageRead } from '@/lib/popup/read-page';
import { askedTabId, targetTab } from '@/lib/popup/target-tab';
import { start } from './render';

/**
 * The popup's first module: it asks the background for the first screen and the page read at once (the background
 * has usually started both as the popup's page began to load: lib/background/popup-navigation.ts; otherwise these
 * messages start them), and hands over to render.tsx. The first screen's code is imported statically, in the same
 * module graph: the HTML preloads all of it, and a dynamic import of code already loaded still cost a turn of the
 * event loop and its own evaluation after this module ran (the code came 7-9 ms after the first module, against
 * 2 ms now; this module ran no later: npm run bench -- popup-open, builds taking turns). Its stylesheet is only
 * preloaded by the HTML (one in the HTML holds back module scripts until it has loaded) and applied here, before
 * anything is drawn; the open path talks to the browser's own API (lib/native-browser.ts).
 */
const api = nativeBrowser();

// Steps of the open, marked for the benchmark's breakdown (npm run bench -- popup-open).
performance.mark('popup:start');
/** `?tabId=N` opens the popup for a given tab (e2e tests); otherwise it is the active tab's popup. */
const tabId = askedTabId(location.search);
// One id for both messages: the background reads the page once for the two.
const openId = crypto.randomUUID();
const opened = askBackground('popup.open', { openId, tabId });
const backgroundRead = askBackground('popup.read', { openId, tabId });
// The popup's own view of its tab, for the UI, and to check the background answered about the same one.
const tab = targetTab(api, tabId);
// The background found the active tab itself: its read is used only if that is the popup's own tab (the two
// messages share one tab and one read); otherwise the popup reads its tab itself.
const fromBackground = Promise.all([backgroundRead, opened, tab]).then(([read, answer, own]) =>
  answer?.tab.id === own.id ? read : undefined,
);
const read = pageRead(
  fromBackground,
  tab.then(({ id }) => id),
);
const storedSettings = api.storage.local.get('settings').then((s) => s.settings as unknown);
void tab.then(() => performance.mark('popup:tab'));
void read.then(() => performance.mark('popup:page-read'));
const styled = applyPageStyles(document);
performance.mark('popup:code');
await start(tab, storedSettings, opened, read, styled);
