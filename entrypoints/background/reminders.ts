import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { armReminderAlarm, checkReminders, openNotification, REMINDER_ALARM } from '@/lib/reminders/reminders';
import { nextTaskDue } from '@/lib/tasks/due';
import type { BackgroundFeature } from './features';

/**
 * Follow-up reminders: one alarm at the next follow-up's due time; on every worker start and browser start the
 * check catches up on what fell due meanwhile (its progress is kept in storage, so a worker shut down or a
 * browser closed misses nothing). A click on a reminder opens the contact.
 */
export const reminders: BackgroundFeature = {
  id: 'reminders',
  register(ctx) {
    let queue: Promise<unknown> = Promise.resolve();
    // Checks run one after another: two at once could notify the same follow-up twice.
    const check = () => {
      queue = queue
        .then(async () => {
          await ctx.ready;
          await checkReminders({ db: ctx.db, now: ctx.now(), settings: await ctx.settings() });
        })
        .catch((err) => console.error('Prospector: reminder check failed', err));
      return queue;
    };
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === REMINDER_ALARM) void check();
    });
    browser.notifications.onClicked.addListener((id) => {
      void openNotification(id).catch((err) => console.error('Prospector: could not open the contact', err));
    });
    browser.runtime.onStartup.addListener(() => void check());
    void check();
    // A follow-up set, moved or completed anywhere: re-arm the alarm for whichever is next now.
    void ctx.ready.then(() =>
      liveQuery(() => nextTaskDue(ctx.db, ctx.now())).subscribe({
        next: () => void armReminderAlarm(ctx.db, ctx.now()),
        error: (err) => console.error('Prospector: follow-up watch failed', err),
      }),
    );
  },
};
