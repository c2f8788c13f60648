import type { PopupOpened } from '../background/popup-open';
import type { PageRead } from './first-screen';

/**
 * The popup's first screen as the background writes it into the popup's page (lib/background/popup-page.ts): the
 * answer to 'popup.open' and 'popup.read', and the stored settings, in a data block (`<script type=
 * "application/json">`, never run) that the popup's first module reads from the page instead of asking for it.
 */
export interface FirstData {
  /** The tab the popup's URL asked for (`?tabId=N`), or undefined: the active tab's popup. */
  tabId: number | undefined;
  opened: PopupOpened;
  read: PageRead;
  /** The stored settings as read from storage (raw: the popup checks them: lib/popup/quick-settings.ts). */
  settings: unknown;
}

/** The data block's id in the popup's page. */
export const FIRST_DATA_ID = 'popup-first-data';

/**
 * The data block, as HTML: JSON with every `<` escaped, so that nothing the page read (a name, a title) can close
 * the element or open another.
 */
export function firstDataBlock(data: FirstData): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${FIRST_DATA_ID}">${json}</script>`;
}

/**
 * The data block of the popup's page, if the background wrote one for the tab the popup is about (`tabId`, as its
 * URL asks). Anything else (none, unreadable, another tab's) is undefined: the popup asks the background instead.
 */
export function readFirstData(
  doc: { getElementById(id: string): { textContent: string | null } | null },
  tabId: number | undefined,
): FirstData | undefined {
  const text = doc.getElementById(FIRST_DATA_ID)?.textContent;
  if (!text) return undefined;
  try {
    const data = JSON.parse(text) as Partial<FirstData> | null;
    if (!data || typeof data !== 'object' || !data.opened || !data.read || data.tabId !== tabId) return undefined;
    if (tabId !== undefined && data.opened.tab?.id !== tabId) return undefined;
    return data as FirstData;
  } catch {
    return undefined;
  }
}
