import { browser } from 'wxt/browser';
import { backfillIfDue } from '@/lib/pipeline/bant-backfill';
import type { BackgroundFeature } from './features';

/**
 * BANT suggestions for every open deal, once a day: every write keeps its own deal's suggestions current
 * (lib/pipeline/bant-on-write.ts); this brings up the deals stored before that, and moves Timeline with the
 * calendar. Runs after start-up, in small batches, only while no rep's work has run for a second, and a batch
 * under way is rolled back when a capture, a popup or a page asks the background for anything: at 100,000 deals
 * it takes minutes, and a rep must never wait behind it.
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
        .then(() => ctx.work.quiet())
        .then(() =>
          backfillIfDue(ctx.db, ctx.now(), {
            pause: () => ctx.work.quiet().then(() => new Promise((resolve) => setTimeout(resolve, 20))),
            onBusy: ctx.work.onBusy,
          }),
        )
        .catch((err) => console.error('Prospector: BANT suggestions for existing deals failed', err))
        .finally(() => {
          running = false;
        });
    };
    browser.runtime.onStartup.addListener(run);
    run();
  },
};
