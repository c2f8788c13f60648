import { browser } from 'wxt/browser';
import { settleDealOnCapture } from '@/lib/settings/deal-on-capture';
import type { BackgroundFeature } from './features';

/** On install and update: whether a capture starts a deal, chosen once for new and existing reps alike. */
export const dealOnCapture: BackgroundFeature = {
  id: 'deal-on-capture',
  register(ctx) {
    browser.runtime.onInstalled.addListener(({ reason }) => {
      void (async () => {
        await ctx.ready;
        const { settings } = await browser.storage.local.get('settings');
        await settleDealOnCapture(reason, settings, ctx.db);
      })().catch((err) => console.error('Prospector: could not settle the deal-on-capture setting', err));
    });
  },
};
