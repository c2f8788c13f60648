import { browser } from 'wxt/browser';
import { t } from '../i18n';

/** Chrome (MV3) has `action`; Firefox's MV2 build has `browserAction`. */
const action = () => browser.action ?? browser.browserAction;

/**
 * After a shortcut or context-menu capture: how many people were saved, on the toolbar badge of that tab, with
 * a title that says it in words; "!" and the reason when the page could not be read. (The popup's badge feature
 * shows known contacts' stages on opted-in sites and takes over again on that tab's next change.)
 */
export async function showCaptureCount(tabId: number, result: number | Error): Promise<void> {
  const a = action();
  if (!a) return;
  const failed = result instanceof Error;
  const text = failed ? '!' : String(Math.min(result, 999));
  const title = failed
    ? t('capture_badgeFailed', result.message.slice(0, 200))
    : result
      ? t('capture_badgeSaved', result)
      : t('capture_badgeNone');
  await Promise.all([
    a.setBadgeText({ tabId, text }),
    a.setBadgeBackgroundColor({ tabId, color: failed ? '#b3261e' : result ? '#2e7d32' : '#5f6368' }),
    a.setTitle({ tabId, title }),
  ]).catch(() => undefined);
}
