import { browser } from 'wxt/browser';
import { applyRestoreStep, RESTORE_PORT } from '@/lib/io/restore-db';
import type { BackgroundFeature } from './features';

/**
 * A restore's page holds a port open while it checks and swaps a backup in. When the page goes (closed,
 * reloaded, crashed) its staged rows are dropped, so an interrupted restore leaves the store exactly as it was.
 * A swap already under way finishes first (IndexedDB runs the two transactions one after the other).
 */
export const restoreWatch: BackgroundFeature = {
  id: 'restore-watch',
  register(ctx) {
    const ownPages = browser.runtime.getURL('/');
    browser.runtime.onConnect.addListener((port) => {
      if (!port.name.startsWith(RESTORE_PORT)) return;
      if (port.sender?.id !== browser.runtime.id || !port.sender?.url?.startsWith(ownPages)) return;
      const session = port.name.slice(RESTORE_PORT.length);
      port.onDisconnect.addListener(() => {
        void ctx.ready
          .then(() => applyRestoreStep(ctx.db, { step: 'discard', session }))
          .catch((err) => console.error('Prospector: could not drop an abandoned restore', err));
      });
    });
  },
};
