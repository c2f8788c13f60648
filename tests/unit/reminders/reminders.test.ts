import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followUpTask } from '@/lib/db/database';
import { startOfDay } from '@/lib/pipeline/filters';
import {
  armReminderAlarm,
  checkReminders,
  notificationIdFor,
  notificationTarget,
  openNotification,
  REMINDER_ALARM,
  reminderState,
  SUMMARY_NOTIFICATION,
} from '@/lib/reminders/reminders';
import { nextTaskDue, openTasks, tasksDueBetween } from '@/lib/tasks/due';
import { DAY, makeContact, makeDeal } from '../board/factory';
import { freshDb } from '../helpers';

const now = new Date(2026, 2, 15, 12).getTime();
const on = { remindersEnabled: true };

async function withFollowUps(times: (number | null)[]) {
  const db = await freshDb();
  await db.contacts.bulkAdd(times.map((_, i) => makeContact(`c${i}`, { name: `Person ${i}` })));
  const deals = times.map((followUpAt, i) =>
    makeDeal(`d${i}`, `c${i}`, 'demo', { followUpAt, followUpNote: `Call ${i}` }),
  );
  await db.deals.bulkAdd(deals);
  await db.tasks.bulkAdd(deals.filter((d) => d.followUpAt !== null).map((d) => followUpTask(d)));
  return db;
}

describe('follow-ups due', () => {
  beforeEach(() => fakeBrowser.reset());

  it('lists every open follow-up of live contacts soonest first, grouped as the rep reads the week', async () => {
    // 2026-03-15 is a Sunday: "later this week" is empty, Monday is tomorrow.
    const db = await withFollowUps([
      now - 3 * DAY,
      now + 2 * 3600_000,
      now + 2 * DAY,
      null,
      startOfDay(now) - 1,
      now + DAY,
      now + 20 * DAY,
    ]);
    await db.contacts.add(makeContact('cx', { name: 'Gone', deletedAt: now }));
    await db.tasks.add(followUpTask(makeDeal('dx', 'cx', 'demo', { followUpAt: now - DAY })));
    const due = await openTasks(db, now);
    expect(due.map((x) => [x.task.dealId, x.group, x.contact.name])).toEqual([
      ['d0', 'overdue', 'Person 0'],
      ['d4', 'overdue', 'Person 4'],
      ['d1', 'today', 'Person 1'],
      ['d5', 'tomorrow', 'Person 5'],
      ['d2', 'later', 'Person 2'],
      ['d6', 'later', 'Person 6'],
    ]);
    expect((await tasksDueBetween(db, now - 4 * DAY, now)).map((d) => d.dealId)).toEqual(['d0', 'dx', 'd4']);
    expect(await tasksDueBetween(db, now, now)).toEqual([]);
    expect(await nextTaskDue(db, now)).toBe(now + 2 * 3600_000);
  });
});

describe('reminders', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts quietly, then notifies what fell due since the last check, once, and arms the next alarm', async () => {
    const db = await withFollowUps([now - DAY, now + 60_000, now + DAY]);
    expect(await checkReminders({ db, now, settings: on })).toEqual([]);
    expect(await reminderState.getValue()).toEqual({ lastCheckedAt: now });
    expect((await fakeBrowser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(now + 60_000);

    const later = now + 61_000;
    expect(await checkReminders({ db, now: later, settings: on })).toEqual(['followup:c1:fu-d1']);
    const shown = await fakeBrowser.notifications.getAll();
    expect(Object.keys(shown)).toEqual(['followup:c1:fu-d1']);
    expect((await fakeBrowser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(now + DAY);
    // Same time again (a worker restart): nothing twice.
    expect(await checkReminders({ db, now: later, settings: on })).toEqual([]);
  });

  it('catches up after the browser was closed, summarising many into one notification', async () => {
    const db = await withFollowUps([now + 1000, now + 2000, now + 3000, now + 4000, now + 5000]);
    await reminderState.setValue({ lastCheckedAt: now });
    expect(await checkReminders({ db, now: now + 3 * DAY, settings: on })).toEqual([SUMMARY_NOTIFICATION]);
    expect(await fakeBrowser.alarms.get(REMINDER_ALARM)).toBeUndefined();
  });

  it('stays silent when reminders are off, but still moves on', async () => {
    const db = await withFollowUps([now + 1000]);
    await reminderState.setValue({ lastCheckedAt: now });
    expect(await checkReminders({ db, now: now + 5000, settings: { remindersEnabled: false } })).toEqual([]);
    expect(await reminderState.getValue()).toEqual({ lastCheckedAt: now + 5000 });
  });

  it('skips follow-ups of deleted contacts', async () => {
    const db = await withFollowUps([now + 1000]);
    await db.contacts.update('c0', { deletedAt: now });
    await reminderState.setValue({ lastCheckedAt: now });
    expect(await checkReminders({ db, now: now + 5000, settings: on })).toEqual([]);
  });

  it('opens the contact a notification is about (or the follow-up list for a summary)', async () => {
    expect(notificationIdFor({ id: 'fu-d1', contactId: 'c1' })).toBe('followup:c1:fu-d1');
    expect(notificationTarget('followup:c1:fu-d1')).toBe('/options.html#contacts?id=c1');
    expect(notificationTarget(SUMMARY_NOTIFICATION)).toBe('/options.html#followups');
    expect(notificationTarget('something-else')).toBeNull();
    await fakeBrowser.notifications.create('followup:c1:fu-d1', {
      type: 'basic',
      iconUrl: '',
      title: 't',
      message: 'm',
    });
    const url = await openNotification('followup:c1:fu-d1');
    expect(url).toMatch(/options\.html#contacts\?id=c1$/);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain(url);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect(await openNotification('unrelated')).toBeNull();
  });

  it('clears the alarm when no follow-up is ahead', async () => {
    const db = await withFollowUps([now - DAY]);
    await fakeBrowser.alarms.create(REMINDER_ALARM, { when: now + 5 });
    expect(await armReminderAlarm(db, now)).toBeNull();
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });
});
