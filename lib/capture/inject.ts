import { browser } from 'wxt/browser';
import { PageCapture } from '../model';

export class CannotReadPage extends Error {}

/**
 * Runs the capture content script in a tab (activeTab grants it for the tab the rep is on) and returns the
 * people it found, validated: the script ran inside someone else's page and its answer is not trusted.
 */
export async function captureTab(tabId: number): Promise<PageCapture> {
  let results: { result?: unknown }[];
  try {
    results = await browser.scripting.executeScript({ target: { tabId }, files: ['/capture.js'] });
  } catch (err) {
    throw new CannotReadPage(err instanceof Error ? err.message : String(err));
  }
  const parsed = PageCapture.safeParse(results[0]?.result);
  if (!parsed.success) throw new CannotReadPage('The page gave an answer Prospector could not read.');
  return parsed.data;
}
