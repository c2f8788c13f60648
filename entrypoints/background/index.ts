// First: zod is set jitless before any module builds a schema (lib/zod-setup.ts).
import '@/lib/zod-setup';
import { watchPopupLoads } from '@/lib/background/popup-navigation';
import { popupOpens } from '@/lib/background/popup-open';
import { popupPages } from '@/lib/background/popup-page';
import { openWelcomeOnce } from '@/lib/background/welcome';
import { createWorkGate } from '@/lib/background/work-gate';
import { getDb } from '@/lib/db/database';
import { applyLocale } from '@/lib/i18n/init';
import { createHandlers } from '@/lib/messaging/handlers';
import { createRouter } from '@/lib/messaging/router';
import { ensureStages } from '@/lib/pipeline/seed';
import { loadSettings, settingsItem } from '@/lib/settings/store';
import { giveWayToRep } from '@/lib/sync/give-way';
import { syncIdentity } from '@/lib/sync/sync-middleware';
import { type BackgroundContext, FEATURES } from './features';
import { teamSync } from './sync';

export default defineBackground(() => {
  const db = getDb();
  const team = teamSync(db);
  // The team connection is read first: every write from then on is queued for the team (lib/sync).
  const ready = team.load().then(() =>
    loadSettings().then((s) => {
      applyLocale(s);
      return ensureStages(db);
    }),
  );
  // In a team, deals are owned by the rep's team user name.
  const settings = () => loadSettings().then((s) => (syncIdentity.user ? { ...s, owner: syncIdentity.user } : s));
  // A rep's work (every message, a capture by shortcut or menu) marks the background busy: the daily catch-up
  // runs only in the gaps and steps aside when work arrives (lib/background/work-gate.ts).
  const work = createWorkGate();
  const ctx: BackgroundContext = { db, settings, now: Date.now, ready, work };

  // The popup's answer starts as its page starts loading, and a team pull gives way to it then
  // (lib/background/popup-navigation.ts); the page is served with the answer written in once it is ready
  // (lib/background/popup-page.ts), or the popup's messages find it under way.
  const popup = popupOpens(db);
  const popupPage = popupPages({
    csp: (browser.runtime.getManifest() as { content_security_policy?: { extension_pages?: string } })
      .content_security_policy?.extension_pages,
    html: fetch('/popup.html').then((r) => r.text()),
    open: (tabId) => ready.then(() => popup.loading(tabId)),
    settings: () => browser.storage.local.get('settings').then((s) => s.settings as unknown),
  });
  watchPopupLoads(self, browser.runtime.getURL('/popup.html'), (url) => {
    giveWayToRep();
    return popupPage(url);
  });

  const router = createRouter(
    createHandlers({
      db,
      team,
      settings,
      now: Date.now,
      popup,
    }),
    { id: browser.runtime.id, origin: browser.runtime.getURL('/') },
  );
  // Answer only after the database is seeded: a capture arriving in the first instant still finds a stage.
  browser.runtime.onMessage.addListener((message, sender) => work.run(() => ready.then(() => router(message, sender))));

  // The background speaks the rep's language too (menus, notifications, the badge's title): follow the setting
  // when it changes, not only at start.
  let locale = '';
  void ready.then(() => loadSettings().then((s) => (locale = s.locale)));
  settingsItem.watch(() => {
    void loadSettings().then((s) => {
      if (s.locale === locale) return;
      locale = s.locale;
      applyLocale(s);
      for (const feature of FEATURES) feature.localeChanged?.();
    });
  });

  // A new rep starts on the welcome page: capture in three steps, a practice page, the demo pipeline. Once per
  // installation (lib/background/welcome.ts).
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install')
      void openWelcomeOnce(() => browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }));
  });

  for (const feature of FEATURES) {
    try {
      feature.register(ctx);
    } catch (err) {
      console.error(`Prospector: background feature ${feature.id} failed to start`, err);
    }
  }
});
