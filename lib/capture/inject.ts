import { browser } from 'wxt/browser';
import { send } from '../messaging/client';
import type { PageCapture } from '../model';
import { RawPageCapture } from './raw';

export class CannotReadPage extends Error {}

/** Turns the page reader's raw answer into reviewable candidates (lib/capture/prepare.ts). */
export type Preparer = (raw: RawPageCapture) => Promise<PageCapture> | PageCapture;

/**
 * Where this context prepares captures. Extension pages ask the background ('capture.prepare'), so the phone and
 * microformats libraries stay out of the popup's bundle; the background registers the preparer itself (it cannot
 * message itself) through usePreparerHere, from its capture feature.
 */
let localPreparer: Preparer | undefined;

export function usePreparerHere(prepare: Preparer): void {
  localPreparer = prepare;
}

/**
 * Runs the page reader in a tab (activeTab grants it for the tab the rep is on, an opted-in site's host
 * permission for auto-detection) and returns the people it found, validated and normalised: the reader ran
 * inside someone else's page and its answer is not trusted. It reads the page as it is now, so a single-page
 * app that changed URL without reloading is read as the rep sees it.
 */
export async function captureTab(tabId: number): Promise<PageCapture> {
  let results: { result?: unknown }[];
  try {
    results = await browser.scripting.executeScript({ target: { tabId }, files: ['/capture.js'] });
  } catch (err) {
    throw new CannotReadPage(err instanceof Error ? err.message : String(err));
  }
  const raw = RawPageCapture.safeParse(results[0]?.result);
  if (!raw.success) throw new CannotReadPage('The page gave an answer Prospector could not read.');
  return localPreparer ? localPreparer(raw.data) : send('capture.prepare', { raw: raw.data });
}
