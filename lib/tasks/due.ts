import type { ProspectorDb } from '../db/database';
import type { Contact, Task } from '../model';
import { startOfDay, startOfNextDay } from '../pipeline/filters';

export type TaskGroup = 'overdue' | 'today' | 'tomorrow' | 'week' | 'later';
export const TASK_GROUPS: readonly TaskGroup[] = ['overdue', 'today', 'tomorrow', 'week', 'later'];

const DAY = 86_400_000;

/** Monday 00:00 after the week `now` is in (weeks start on Monday), in the rep's time zone. */
function startOfNextWeek(now: number): number {
  const d = new Date(startOfDay(now));
  const daysToMonday = (8 - d.getDay()) % 7 || 7;
  d.setDate(d.getDate() + daysToMonday);
  return d.getTime();
}

/**
 * Where a due time falls for the rep today: overdue (before today), today, tomorrow, later this week (to
 * Sunday), or later. Days are the rep's local days.
 */
export function taskGroup(dueAt: number, now: number): TaskGroup {
  if (dueAt < startOfDay(now)) return 'overdue';
  const tomorrow = startOfNextDay(now);
  if (dueAt < tomorrow) return 'today';
  if (dueAt < startOfNextDay(tomorrow + DAY / 2)) return 'tomorrow';
  return dueAt < startOfNextWeek(now) ? 'week' : 'later';
}

export interface TaskItem {
  task: Task;
  contact: Contact;
  group: TaskGroup;
}

/** Every open follow-up of live contacts, soonest first, with its contact and group. One index walk. */
export async function openTasks(db: ProspectorDb, now: number): Promise<TaskItem[]> {
  const tasks = await db.tasks.orderBy('openDue').toArray();
  const contacts = await db.contacts.bulkGet(tasks.map((t) => t.contactId));
  const items: TaskItem[] = [];
  tasks.forEach((task, i) => {
    const contact = contacts[i];
    if (!contact || contact.deletedAt !== null || task.deletedAt !== null) return;
    items.push({ task, contact, group: taskGroup(task.dueAt, now) });
  });
  return items;
}

/** A contact's follow-ups: open ones soonest first, then the done ones, newest first. */
export async function tasksOfContact(db: ProspectorDb, contactId: string): Promise<Task[]> {
  const tasks = (await db.tasks.where('contactId').equals(contactId).toArray()).filter((t) => t.deletedAt === null);
  const open = tasks.filter((t) => t.openDue !== null).sort((a, b) => a.dueAt - b.dueAt);
  const done = tasks.filter((t) => t.openDue === null).sort((a, b) => (b.doneAt ?? 0) - (a.doneAt ?? 0));
  return [...open, ...done];
}

/** Open follow-ups that fell due in (from, to]: what a reminder check notifies about. */
export async function tasksDueBetween(db: ProspectorDb, from: number, to: number): Promise<Task[]> {
  if (to <= from) return [];
  return db.tasks.where('openDue').between(from, to, false, true).toArray();
}

/** When the next open follow-up after `now` falls due, or null. */
export async function nextTaskDue(db: ProspectorDb, now: number): Promise<number | null> {
  const next = await db.tasks.where('openDue').above(now).first();
  return next?.openDue ?? null;
}
