import { render } from 'preact';
import type { PopupOpened } from '@/lib/background/popup-open';
import { prepareCatalog } from '@/lib/i18n';
import { applyLocale } from '@/lib/i18n/init';
import { prepareFormats } from '@/lib/i18n/money';
import { type FirstScreen, fromWire, type PageRead } from '@/lib/popup/first-screen';
import { popupSettingsFrom } from '@/lib/popup/quick-settings';
import { readsHere } from '@/lib/popup/read-page';
import { prepareRelativeDays } from '@/lib/popup/relative-time';
import type { PopupTab } from '@/lib/popup/target-tab';
import { App } from './App';

/** How long the popup waits for its first screen's data before showing a "reading the page" state instead. */
const FIRST_SCREEN_WAIT_MS = 300;

/** A background step's time (epoch ms) as a mark on the popup's own timeline, for the benchmark's breakdown. */
function markAt(name: string, epochMs: number | undefined): void {
  if (epochMs) performance.mark(name, { startTime: epochMs - performance.timeOrigin });
}

/**
 * Renders the popup once with its first screen, as the background answered it ('popup.open': read from its
 * database, open and warm); live queries take over from there. A slow page (huge, or busy) or a background
 * that does not answer must not leave the popup blank: past the wait, it renders and fills in live.
 */
export async function start(
  tab: Promise<PopupTab>,
  storedSettings: Promise<unknown>,
  opened: Promise<PopupOpened | undefined>,
  reading: Promise<PageRead>,
  /** The stylesheet applied: nothing is drawn unstyled. */
  styled: Promise<void> = Promise.resolve(),
): Promise<void> {
  const firstScreen = Promise.all([opened, tab]).then(([answer, target]): FirstScreen | null => {
    if (!answer) return null;
    markAt('popup:bg-tab', answer.at.tab);
    markAt('popup:bg-read', answer.at.read);
    markAt('popup:bg-store', answer.at.store);
    // The background found the active tab itself: only its answer about the popup's own tab is used.
    if (answer.tab.id !== target.id) return null;
    const first = fromWire(answer.first);
    // A page only the popup can read (the practice page): its own read is still to come (main.tsx, pageRead).
    return first.read && readsHere(first.read) ? { ...first, read: undefined } : first;
  });
  const waited = Promise.race([
    firstScreen.catch(() => null),
    new Promise<null>((ok) => setTimeout(() => ok(null), FIRST_SCREEN_WAIT_MS)),
  ]);
  const settings = popupSettingsFrom(await storedSettings);
  applyLocale(settings);
  // While the background is still reading: the strings and date formats the first render writes with, so the
  // render after its answer does not pay for them (about 2 ms: npm run bench -- popup-open).
  prepareCatalog();
  prepareFormats(settings.currency);
  prepareRelativeDays();
  const [target, , first] = await Promise.all([tab, styled, waited]);
  performance.mark('popup:first-screen');
  render(<App tab={target} settings={settings} reading={reading} first={first} />, document.getElementById('app')!);
  // Drawn into the page; 'popup-ready' follows once it has been painted (the benchmark's breakdown).
  performance.mark('popup:rendered');
}
