import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { ProspectorDb } from '../db/database';
import { t } from '../i18n';
import type { Contact, Settings, Task } from '../model';
import { nextTaskDue, tasksDueBetween } from '../tasks/due';
import { TASK_TYPE_KEYS } from './task-types';

/** The one alarm: set for the next follow-up's due time, re-armed after every check and every change. */
export const REMINDER_ALARM = 'followup-reminders';
/** More follow-ups than this at once (the browser was closed for days) become one summary notification. */
export const MAX_SINGLE_NOTIFICATIONS = 3;
export const SUMMARY_NOTIFICATION = 'followup:summary';

/**
 * What survives the service worker and the browser: the time up to which follow-ups were checked. A check
 * notifies what fell due since, so nothing is missed while the worker slept or the browser was closed, and
 * nothing is notified twice.
 */
export const reminderState = storage.defineItem<{ lastCheckedAt: number } | null>('local:reminderState', {
  fallback: null,
  version: 1,
});

export function notificationIdFor(task: Pick<Task, 'id' | 'contactId'>): string {
  return `followup:${task.contactId}:${task.id}`;
}

/** The options page address a notification opens: the contact, or the follow-up list for a summary. */
export function notificationTarget(notificationId: string): string | null {
  if (notificationId === SUMMARY_NOTIFICATION) return '/options.html#followups';
  const m = /^followup:([^:]+):[^:]+$/.exec(notificationId);
  return m ? `/options.html#contacts?id=${encodeURIComponent(m[1]!)}` : null;
}

export interface ReminderDeps {
  db: ProspectorDb;
  now: number;
  settings: Pick<Settings, 'remindersEnabled'>;
}

/**
 * One reminder check: notifies the follow-ups that fell due since the last check (none on the very first check,
 * so installing or loading a demo does not fire a burst), records the check, and arms the alarm for the next.
 * Returns the notification ids created.
 */
export async function checkReminders({ db, now, settings }: ReminderDeps): Promise<string[]> {
  const state = await reminderState.getValue();
  const from = state?.lastCheckedAt ?? now;
  const due = settings.remindersEnabled ? await tasksDueBetween(db, from, now) : [];
  const ids: string[] = [];
  if (due.length) {
    const contacts = await db.contacts.bulkGet(due.map((d) => d.contactId));
    const items = due
      .map((task, i) => ({ task, contact: contacts[i] }))
      .filter((x): x is { task: Task; contact: Contact } => !!x.contact && x.contact.deletedAt === null);
    ids.push(...(await notify(items)));
  }
  await reminderState.setValue({ lastCheckedAt: Math.max(now, state?.lastCheckedAt ?? 0) });
  await armReminderAlarm(db, now);
  return ids;
}

async function notify(items: { task: Task; contact: Contact }[]): Promise<string[]> {
  const iconUrl = browser.runtime.getURL('/icon/128.png');
  if (items.length > MAX_SINGLE_NOTIFICATIONS) {
    await browser.notifications.create(SUMMARY_NOTIFICATION, {
      type: 'basic',
      iconUrl,
      title: t('followups_notifySummaryTitle', items.length),
      message: items
        .slice(0, 5)
        .map((x) => x.contact.name || x.contact.emails[0] || t('unnamed'))
        .join(', '),
    });
    return [SUMMARY_NOTIFICATION];
  }
  const ids: string[] = [];
  for (const { task, contact } of items) {
    const id = notificationIdFor(task);
    await browser.notifications.create(id, {
      type: 'basic',
      iconUrl,
      title: t('followups_notifyTitle', contact.name || contact.emails[0] || t('unnamed')),
      message: [t(TASK_TYPE_KEYS[task.type]), task.title || contact.company].filter(Boolean).join(' — '),
    });
    ids.push(id);
  }
  return ids;
}

/** Sets the alarm for the next follow-up after `now`, or clears it when there is none. */
export async function armReminderAlarm(db: ProspectorDb, now: number): Promise<number | null> {
  const next = await nextTaskDue(db, now);
  if (next === null) await browser.alarms.clear(REMINDER_ALARM);
  else await browser.alarms.create(REMINDER_ALARM, { when: next });
  return next;
}

/** A click on a reminder: open the contact (or the follow-up list) in a new tab and dismiss the notification. */
export async function openNotification(notificationId: string): Promise<string | null> {
  const target = notificationTarget(notificationId);
  if (!target) return null;
  const url = browser.runtime.getURL(target as '/options.html');
  await browser.tabs.create({ url });
  await browser.notifications.clear(notificationId);
  return url;
}
