import { t } from '../i18n';
import type { PageCapture } from '../model';
import { prepareCapture } from './prepare';
import { RawPageCapture } from './raw';
import { PageReadTimeout, runReader } from './run-reader';

export class CannotReadPage extends Error {}

/**
 * The background's page read: runs the page reader in a tab (activeTab grants it for the tab the rep is on, an
 * opted-in site's host permission for auto-detection) and returns the people it found, validated and
 * normalised: the reader ran inside someone else's page and its answer is not trusted. It reads the page as it
 * is now, so a single-page app that changed URL without reloading is read as the rep sees it. (The popup reads
 * its tab with lib/popup/read-page.ts and leaves validating to the background's 'capture.prepare'.)
 */
export async function captureTab(tabId: number): Promise<PageCapture> {
  let results: { result?: unknown }[];
  try {
    results = await runReader(tabId);
  } catch (err) {
    if (err instanceof PageReadTimeout) throw new CannotReadPage(t('capture_pageStuck'));
    throw new CannotReadPage(err instanceof Error ? err.message : String(err));
  }
  const raw = RawPageCapture.safeParse(results[0]?.result);
  if (!raw.success) throw new CannotReadPage('The page gave an answer Prospector could not read.');
  return prepareCapture(raw.data);
}
