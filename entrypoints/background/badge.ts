import { createBadgeController, type TabPeople } from '@/lib/background/badge-controller';
import { captureTab } from '@/lib/capture/inject';
import { t } from '@/lib/i18n';
import type { BadgeView } from '@/lib/popup/badge';
import { lookupOf } from '@/lib/popup/rank-people';
import { settingsItem } from '@/lib/settings/store';
import type { BackgroundFeature } from './features';

const SESSION_KEY = 'badgeTabs';

/**
 * The toolbar badge (issue 4): the known contact's stage on tabs of opted-in sites, or how many people are on
 * the page; nothing elsewhere. The logic is lib/popup/badge*.ts; this wires it to the tabs, the action button,
 * settings and permissions.
 */
export const badge: BackgroundFeature = {
  id: 'badge',
  register(ctx) {
    // Chrome (MV3) has `action`; Firefox's MV2 build has `browserAction`.
    const action = browser.action ?? browser.browserAction;
    const session = browser.storage.session;
    const controller = createBadgeController({
      db: ctx.db,
      settings: ctx.settings,
      now: ctx.now,
      hasPermission: (origins) => browser.permissions.contains({ origins }),
      readPeople: async (tabId) => {
        try {
          return (await captureTab(tabId)).candidates.map(lookupOf);
        } catch {
          return null;
        }
      },
      show: async (tabId: number, view: BadgeView) => {
        await action.setBadgeText({ tabId, text: view.text });
        if (view.color) await action.setBadgeBackgroundColor({ tabId, color: view.color });
        if (view.textColor && 'setBadgeTextColor' in action)
          await action.setBadgeTextColor({ tabId, color: view.textColor });
        await action.setTitle({ tabId, title: view.title || t('extName') });
      },
      session: session && {
        load: async () => ((await session.get(SESSION_KEY))[SESSION_KEY] ?? {}) as Record<string, TabPeople>,
        save: (tabs) => session.set({ [SESSION_KEY]: tabs }),
      },
    });
    browser.tabs.onUpdated.addListener((tabId, info, tab) => {
      if (info.url !== undefined || info.status === 'complete') controller.schedule(tabId, tab.url ?? '');
    });
    browser.tabs.onRemoved.addListener((tabId) => controller.forget(tabId));
    browser.permissions.onRemoved?.addListener(() => void controller.refreshAll());
    settingsItem.watch(() => void controller.refreshAll());
    void ctx.ready.then(() => controller.restore());
  },
};
