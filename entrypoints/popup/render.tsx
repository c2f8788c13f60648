import { render } from 'preact';
import { getDb } from '@/lib/db/database';
import { applyLocale } from '@/lib/i18n/init';
import type { PageCapture } from '@/lib/model';
import { type FirstScreen, loadFirstScreen } from '@/lib/popup/first-screen';
import { popupSettingsFrom } from '@/lib/popup/quick-settings';
import type { RememberedPerson } from '@/lib/popup/tab-memory';
import { App, type PopupTab } from './App';

/** How long the popup waits for its first screen's data before showing a "reading the page" state instead. */
const FIRST_SCREEN_WAIT_MS = 300;

/**
 * Reads the first screen (the store is queried as soon as the page is read) and renders the popup once with it;
 * live queries take over from there. A slow page (huge, or busy) must not leave the popup blank: past the wait,
 * it renders and fills in live.
 */
export async function start(
  tab: Promise<PopupTab>,
  storedSettings: Promise<unknown>,
  capture: Promise<PageCapture | null>,
  remembered: Promise<RememberedPerson[]>,
  /** The stylesheet applied: nothing is drawn unstyled. */
  styled: Promise<void> = Promise.resolve(),
): Promise<void> {
  const db = getDb();
  const firstScreen = tab.then(({ url }) => loadFirstScreen(db, url, capture, remembered));
  const [stored, target, , first] = await Promise.all([
    storedSettings,
    tab,
    styled,
    Promise.race([
      firstScreen.catch(() => null),
      new Promise<null>((ok) => setTimeout(() => ok(null), FIRST_SCREEN_WAIT_MS)),
    ]) as Promise<FirstScreen | null>,
  ]);
  performance.mark('popup:first-screen');
  const settings = popupSettingsFrom(stored);
  applyLocale(settings);
  render(<App tab={target} settings={settings} capture={capture} first={first} />, document.getElementById('app')!);
}
