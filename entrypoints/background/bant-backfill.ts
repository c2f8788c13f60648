import { browser } from 'wxt/browser';
import { backfillIfDue } from '@/lib/pipeline/bant-backfill';
import type { BackgroundFeature } from './features';

/**
 * BANT suggestions for every open deal, once a day: every write keeps its own deal's suggestions current
 * (lib/pipeline/bant-on-write.ts); this brings up the deals stored before that, and moves Timeline with the
 * calendar. Runs after start-up, in small batches, so it never holds up a capture or the popup.
 */
export const bantBackfill: BackgroundFeature = {
  id: 'bant-backfill',
  register(ctx) {
    // One run at a time: a browser start while the worker's own start-up run goes on adds nothing.
    let running = false;
    const run = () => {
      if (running) return;
      running = true;
      void ctx.ready
        .then(() => backfillIfDue(ctx.db, ctx.now()))
        .catch((err) => console.error('Prospector: BANT suggestions for existing deals failed', err))
        .finally(() => {
          running = false;
        });
    };
    browser.runtime.onStartup.addListener(run);
    run();
  },
};
