import type { ProspectorDb } from '../db/database';
import { AppError } from '../errors/app-error';
import { type Activity, type Deal, NewTask, newActivity, newId, type Task } from '../model';

/** A timeline entry about a task: what it was, when it was due. */
function activity(task: Task, type: Activity['type'], at: number, extra: Record<string, unknown> = {}): Activity {
  return newActivity(task.contactId, task.dealId, type, at, {
    due: task.dueAt,
    note: task.title,
    taskType: task.type,
    taskId: task.id,
    ...extra,
  });
}

const isOpen = (t: Task) => t.openDue !== null && t.deletedAt === null;

/** The deal's open tasks, soonest first. */
async function openTasksOf(db: ProspectorDb, dealId: string): Promise<Task[]> {
  const tasks = await db.tasks.where('dealId').equals(dealId).toArray();
  return tasks.filter(isOpen).sort((a, b) => a.dueAt - b.dueAt);
}

/**
 * Keeps the deal's `followUpAt` / `followUpNote` equal to its next open task, so the board's cards and filters
 * and the popup (which read the deal) say what the task list says. Runs inside the caller's transaction.
 */
async function syncDealFollowUp(db: ProspectorDb, dealId: string | null, at: number): Promise<void> {
  if (!dealId) return;
  const deal = await db.deals.get(dealId);
  if (!deal) return;
  const next = (await openTasksOf(db, dealId))[0];
  const followUpAt = next?.dueAt ?? null;
  const followUpNote = next?.title ?? '';
  if (deal.followUpAt === followUpAt && deal.followUpNote === followUpNote) return;
  await db.deals.put({ ...deal, followUpAt, followUpNote, updatedAt: at } satisfies Deal);
}

const TABLES = (db: ProspectorDb) => [db.tasks, db.deals, db.activities, db.contacts];

/** Adds a follow-up for a contact (and optionally one of their deals), recorded in the timeline. */
export async function addTask(db: ProspectorDb, input: NewTask, at: number): Promise<Task> {
  const fields = NewTask.parse(input);
  return db.transaction('rw', TABLES(db), async () => {
    const contact = await db.contacts.get(fields.contactId);
    if (!contact || contact.deletedAt !== null) throw new AppError('error_noContact');
    if (fields.dealId) {
      const deal = await db.deals.get(fields.dealId);
      if (!deal || deal.contactId !== fields.contactId) throw new AppError('error_noDeal');
    }
    const task: Task = {
      ...fields,
      id: newId(),
      openDue: fields.dueAt,
      doneAt: null,
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
    };
    await db.tasks.add(task);
    await db.activities.add(activity(task, 'follow-up-set', at));
    await syncDealFollowUp(db, task.dealId, at);
    return task;
  });
}

/** Applies a change to one task, in the transaction that also keeps its deal's next follow-up in step. */
async function changeTask(
  db: ProspectorDb,
  taskId: string,
  at: number,
  change: (task: Task) => { next: Task; record?: Activity['type'] },
): Promise<Task> {
  return db.transaction('rw', TABLES(db), async () => {
    const task = await db.tasks.get(taskId);
    if (!task || task.deletedAt !== null) throw new AppError('error_noTask');
    const { next, record } = change(task);
    await db.tasks.put({ ...next, updatedAt: at });
    if (record) await db.activities.add(activity(next, record, at));
    await syncDealFollowUp(db, task.dealId, at);
    return next;
  });
}

/** Marks a follow-up done: off the due lists, recorded in the timeline. */
export function completeTask(db: ProspectorDb, taskId: string, at: number): Promise<Task> {
  return changeTask(db, taskId, at, (t) => ({
    next: { ...t, openDue: null, doneAt: at },
    record: isOpen(t) ? 'follow-up-done' : undefined,
  }));
}

/** Moves a follow-up's due time (snooze, or a new time the rep picked); a done one opens again. */
export function rescheduleTask(
  db: ProspectorDb,
  taskId: string,
  dueAt: number,
  at: number,
  patch: { title?: string; type?: Task['type'] } = {},
): Promise<Task> {
  return changeTask(db, taskId, at, (t) => ({
    next: { ...t, ...patch, dueAt, openDue: dueAt, doneAt: null },
    record: 'follow-up-set',
  }));
}

/** Removes a follow-up the rep no longer plans (kept as deleted, never notified). */
export function deleteTask(db: ProspectorDb, taskId: string, at: number): Promise<Task> {
  return changeTask(db, taskId, at, (t) => ({ next: { ...t, openDue: null, deletedAt: at } }));
}

/**
 * "Set follow-up" on a deal, as the popup and the deal panel have always offered it: moves the deal's next open
 * task to the new time (and note), or adds one when it has none. Runs in the caller's transaction when there is
 * one (it must include tasks, deals, activities and contacts).
 */
export async function setDealFollowUp(db: ProspectorDb, deal: Deal, dueAt: number, note: string, at: number) {
  const next = (await openTasksOf(db, deal.id))[0];
  if (next) {
    const task: Task = { ...next, dueAt, openDue: dueAt, title: note, updatedAt: at };
    await db.tasks.put(task);
    await db.activities.add(activity(task, 'follow-up-set', at));
  } else {
    const task: Task = {
      id: newId(),
      contactId: deal.contactId,
      dealId: deal.id,
      type: 'task',
      title: note,
      dueAt,
      openDue: dueAt,
      doneAt: null,
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
    };
    await db.tasks.add(task);
    await db.activities.add(activity(task, 'follow-up-set', at));
  }
  await syncDealFollowUp(db, deal.id, at);
}

/** "Done" on a deal's follow-up: its next open task is done (the one after it, if any, becomes the next). */
export async function completeDealFollowUp(db: ProspectorDb, dealId: string, at: number): Promise<void> {
  const next = (await openTasksOf(db, dealId))[0];
  if (!next) return;
  await db.tasks.put({ ...next, openDue: null, doneAt: at, updatedAt: at });
  await db.activities.add(activity(next, 'follow-up-done', at));
  await syncDealFollowUp(db, dealId, at);
}

export { syncDealFollowUp };
