import { z } from 'zod';
import { Id, Text, Timestamp } from './common';

/** What the rep will do: each type has its own label and, for email, a compose action. */
export const TaskType = z.enum(['call', 'email', 'meeting', 'task']);
export type TaskType = z.infer<typeof TaskType>;

/**
 * A follow-up: something the rep will do for a contact (and, optionally, one of their deals) by a due time.
 * `openDue` is the due time while the task is open and null once done or deleted, so the index on it lists only
 * what is still to do (IndexedDB leaves null keys out of an index).
 */
export const Task = z.object({
  id: Id,
  contactId: Id,
  dealId: Id.nullable().default(null),
  type: TaskType.default('task'),
  title: Text.default(''),
  dueAt: Timestamp,
  openDue: Timestamp.nullable(),
  doneAt: Timestamp.nullable().default(null),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  deletedAt: Timestamp.nullable().default(null),
});
export type Task = z.infer<typeof Task>;

/** A new follow-up as the rep enters it. */
export const NewTask = z.object({
  contactId: Id,
  dealId: Id.nullable().default(null),
  type: TaskType.default('task'),
  title: Text.default(''),
  dueAt: Timestamp,
});
export type NewTask = z.input<typeof NewTask>;
