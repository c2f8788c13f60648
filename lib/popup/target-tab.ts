import type { browser } from 'wxt/browser';

/** The tab a popup is about. `id` undefined when there is none the extension may see. */
export interface PopupTab {
  id: number | undefined;
  url: string;
}

/** The tab a popup's URL asks for (`?tabId=N`, e2e tests and benchmarks), or undefined: the active tab's popup. */
export function askedTabId(search: string): number | undefined {
  const asked = Number(new URLSearchParams(search).get('tabId'));
  return Number.isInteger(asked) && asked > 0 ? asked : undefined;
}

/**
 * The popup's tab: the one asked for (`?tabId=N`, e2e tests), else the active tab of the popup's window (from
 * the popup: its current window; from the background, which has none: the window the rep last used). Takes the
 * browser's API (the popup's open path uses the browser's own: lib/native-browser.ts).
 */
export async function targetTab(
  api: Pick<typeof browser, 'tabs'>,
  tabId: number | undefined,
  window: 'currentWindow' | 'lastFocusedWindow' = 'currentWindow',
): Promise<PopupTab> {
  const tab =
    tabId !== undefined
      ? await api.tabs.get(tabId).catch(() => undefined)
      : (await api.tabs.query({ active: true, [window]: true }))[0];
  // The URL is visible for the tab the rep clicked on (activeTab); elsewhere it is simply unknown.
  return { id: tab?.id ?? tabId, url: tab?.url ?? '' };
}
