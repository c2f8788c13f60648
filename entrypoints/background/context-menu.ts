import { type CaptureServices, storeRaw } from '@/lib/capture/background';
import { showCaptureCount } from '@/lib/capture/badge-count';
import { READ_TIMEOUT_MS, withTimeout } from '@/lib/capture/run-reader';
import { parseEmailLink, parseSelection, readLinkTextInPage, readSelectionInPage } from '@/lib/capture/selection';
import { t } from '@/lib/i18n';
import type { BackgroundFeature } from './features';

export const MENU_SELECTION = 'prospector-save-selection';
export const MENU_EMAIL = 'prospector-save-email';

/** What a menu click carries (a subset of contextMenus.OnClickData), so tests can make one. */
export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
  linkUrl?: string;
  pageUrl?: string;
  frameId?: number;
}

/**
 * Runs a self-contained reader in the frame the rep clicked in; null when the page cannot be scripted or does
 * not answer in time (the menu's own copy of the selection is used then).
 */
async function inFrame<A extends unknown[], R>(
  tabId: number,
  frameId: number | undefined,
  func: (...args: A) => R,
  args: A,
) {
  try {
    const [res] = await withTimeout(
      browser.scripting.executeScript({
        target: { tabId, frameIds: [frameId ?? 0] },
        func,
        args,
      } as Parameters<typeof browser.scripting.executeScript>[0]),
      READ_TIMEOUT_MS,
    );
    return (res?.result as R | undefined) ?? null;
  } catch {
    return null;
  }
}

/**
 * "Save selection as prospect" and "Save email address as prospect": reads the selection (with its line breaks
 * and links) or the link's text from the page, parses the person, saves them, and shows the count on the badge.
 */
export async function runMenuClick(
  svc: CaptureServices,
  info: MenuClick,
  tab: { id?: number; title?: string } | undefined,
): Promise<number> {
  const tabId = tab?.id;
  const pageUrl = info.pageUrl ?? '';
  let raw: ReturnType<typeof parseSelection> | null = null;
  if (info.menuItemId === MENU_SELECTION) {
    // The selection as the page has it (line breaks, links); the menu's own copy flattens it, so it is the fallback.
    const read = tabId === undefined ? null : await inFrame(tabId, info.frameId, readSelectionInPage, []);
    raw = parseSelection(read ?? { text: info.selectionText ?? '', links: [] }, pageUrl, tab?.title);
  } else if (info.menuItemId === MENU_EMAIL && info.linkUrl && /^mailto:/i.test(info.linkUrl)) {
    const text =
      tabId === undefined ? '' : ((await inFrame(tabId, info.frameId, readLinkTextInPage, [info.linkUrl])) ?? '');
    raw = parseEmailLink(info.linkUrl, text, pageUrl, tab?.title);
  }
  if (!raw) return 0;
  try {
    const saved = await storeRaw(svc, raw);
    if (tabId !== undefined) await showCaptureCount(tabId, saved.length);
    return saved.length;
  } catch (err) {
    if (tabId !== undefined) await showCaptureCount(tabId, err instanceof Error ? err : new Error(String(err)));
    return -1;
  }
}

function createMenus(): void {
  const menus = browser.contextMenus ?? (browser as unknown as { menus?: typeof browser.contextMenus }).menus;
  if (!menus) return;
  void menus.removeAll().then(() => {
    menus.create({ id: MENU_SELECTION, title: t('capture_menuSelection'), contexts: ['selection'] });
    const title = t('capture_menuEmail');
    // Only on mailto: links where the browser can filter by scheme (Chromium); elsewhere (Firefox refuses the
    // pattern, by an error or an exception) on every link, and the click checks the scheme.
    const everyLink = () => menus.create({ id: MENU_EMAIL, title, contexts: ['link'] });
    try {
      menus.create({ id: MENU_EMAIL, title, contexts: ['link'], targetUrlPatterns: ['mailto:*'] }, () => {
        if (browser.runtime.lastError) everyLink();
      });
    } catch {
      everyLink();
    }
  });
}

/** The context-menu entries. Created on every start (Firefox forgets them; Chrome replaces them in place). */
export const contextMenu: BackgroundFeature = {
  id: 'context-menu',
  localeChanged: createMenus,
  register(ctx) {
    void ctx.ready.then(createMenus);
    const menus = browser.contextMenus ?? (browser as unknown as { menus?: typeof browser.contextMenus }).menus;
    menus?.onClicked.addListener((info, tab) => {
      void ctx.work.run(() => runMenuClick(ctx, info, tab));
    });
  },
};
