import type { MessageKey } from '../i18n';
import type { TaskType } from '../model/task';

/** Each follow-up type's name, as a rep reads it. */
export const TASK_TYPE_KEYS = {
  call: 'task_typeCall',
  email: 'task_typeEmail',
  meeting: 'task_typeMeeting',
  task: 'task_typeTask',
} as const satisfies Record<TaskType, MessageKey>;
