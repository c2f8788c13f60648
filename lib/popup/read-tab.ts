import { CannotReadPage, captureTab } from '../capture/inject';
import type { PageCapture } from '../model';

/**
 * Reads the people on a tab (captureTab: the injected reader, its answer validated), or null when the page
 * cannot be read (browser pages, the web store, a tab that closed). The popup imports this module dynamically,
 * so the reader and the schema library load in their own chunk, in parallel with the popup's first screen.
 */
export async function readTab(tabId: number | undefined): Promise<PageCapture | null> {
  if (tabId === undefined) return null;
  try {
    return await captureTab(tabId);
  } catch (err) {
    if (!(err instanceof CannotReadPage)) console.error('Prospector: reading the page failed', err);
    return null;
  }
}
