import './popup.css';
import { nativeBrowser } from '@/lib/native-browser';
import { askBackground } from '@/lib/popup/ask-background';
import { pageRead } from '@/lib/popup/read-page';
import { targetTab } from '@/lib/popup/target-tab';
import { applyPreloadedStyles } from '@/lib/preloaded-styles';

/**
 * The popup's first module, kept tiny: it asks the background for the first screen and the page read at once
 * (the background's database is open and warm; it reads the page once for both), and loads the UI's code while
 * they run, instead of before them. render.tsx takes it from there. Its stylesheet is only preloaded by the HTML
 * (one in the HTML holds back module scripts until it has loaded) and applied here, before anything is drawn;
 * and it loads no polyfill: it talks to the browser's own API (lib/native-browser.ts).
 */
const api = nativeBrowser();

// Steps of the open, marked for the benchmark's breakdown (npm run bench -- popup-open).
performance.mark('popup:start');
/** `?tabId=N` opens the popup for a given tab (e2e tests); otherwise it is the active tab's popup. */
const asked = Number(new URLSearchParams(location.search).get('tabId'));
const tabId = Number.isInteger(asked) && asked > 0 ? asked : undefined;
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
const styled = applyPreloadedStyles(document);
const { start } = await import('./render');
performance.mark('popup:code');
await start(tab, storedSettings, opened, read, styled);
