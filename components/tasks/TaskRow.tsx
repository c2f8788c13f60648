import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/client';
import type { Contact, Settings, Task } from '@/lib/model';
import { startOfNextDay } from '@/lib/pipeline/filters';
import { TASK_TYPE_KEYS } from '@/lib/reminders/task-types';
import { composeUrl, fillTemplate, templateValues } from '@/lib/tasks/compose';
import { formatDateTime } from '../board/format';
import { actionError, useAction } from '../use-action';

const DAY = 86_400_000;
/** A snoozed follow-up keeps its time of day, on the day chosen. */
const onDayAfter = (dueAt: number, now: number, days: number) => {
  const base = new Date(startOfNextDay(now) + (days - 1) * DAY + DAY / 2);
  const due = new Date(dueAt);
  base.setHours(due.getHours(), due.getMinutes(), 0, 0);
  return base.getTime();
};

/** The draft an email follow-up opens: the rep's first template (or the built-in one) filled for this contact. */
export function emailDraftUrl(contact: Contact, settings: Settings): string | null {
  const to = contact.emails[0];
  if (!to) return null;
  const template = settings.emailTemplates[0] ?? {
    subject: t('email_defaultSubject'),
    body: t('email_defaultBody'),
  };
  const values = templateValues(contact, settings.owner);
  return composeUrl(
    settings.composeWith,
    to,
    fillTemplate(template.subject, values),
    fillTemplate(template.body, values),
  );
}

/**
 * One follow-up: its type, what to do and when (overdue in red), and Done, snooze to tomorrow or next week,
 * "Write email" for an email follow-up, and remove. `contact` is shown when the list mixes contacts.
 */
export function TaskRow({
  task,
  contact,
  settings,
  now,
  showContact,
}: {
  task: Task;
  contact: Contact;
  settings: Settings;
  now: number;
  showContact: boolean;
}) {
  const [action, run] = useAction();
  const open = task.openDue !== null;
  const overdue = open && task.dueAt < now;
  const name = contact.name || contact.emails[0] || t('unnamed');
  const draft = task.type === 'email' && open ? emailDraftUrl(contact, settings) : null;
  const web = settings.composeWith !== 'mailto';
  return (
    <li
      class={`task-row task-${task.type}${overdue ? ' fu-overdue' : ''}${open ? '' : ' task-done'}`}
      data-testid="followup-item"
    >
      <div>
        <span class="task-type" data-testid="task-type">
          {t(TASK_TYPE_KEYS[task.type])}
        </span>{' '}
        {showContact && (
          <a href={`#contacts?id=${encodeURIComponent(contact.id)}`} data-testid="followup-contact">
            {name}
          </a>
        )}
        {showContact && contact.company && <span class="muted"> · {contact.company}</span>}
        {task.title && <span data-testid="task-title"> — {task.title}</span>}
      </div>
      <div class="small">
        <span class="fu-when" data-testid="task-due">
          {open ? formatDateTime(task.dueAt) : t('task_doneOn', formatDateTime(task.doneAt ?? task.updatedAt))}
        </span>
      </div>
      <div class="row-actions">
        {open && (
          <button
            type="button"
            data-testid="followup-done"
            onClick={() => run(() => send('task.done', { taskId: task.id }))}
          >
            {t('followups_done')}
          </button>
        )}
        {task.type === 'email' && open && draft && (
          <a
            class="button"
            data-testid="task-write-email"
            href={draft}
            {...(web ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
          >
            {t('task_writeEmail')}
          </a>
        )}
        {task.type === 'email' && open && !draft && <span class="muted small">{t('followups_noEmail')}</span>}
        {open && (
          <button
            type="button"
            data-testid="task-tomorrow"
            onClick={() =>
              run(() => send('task.reschedule', { taskId: task.id, dueAt: onDayAfter(task.dueAt, now, 1) }))
            }
          >
            {t('task_snoozeTomorrow')}
          </button>
        )}
        {open && (
          <button
            type="button"
            data-testid="task-next-week"
            onClick={() =>
              run(() => send('task.reschedule', { taskId: task.id, dueAt: onDayAfter(task.dueAt, now, 7) }))
            }
          >
            {t('task_snoozeWeek')}
          </button>
        )}
        <button
          type="button"
          class="link"
          data-testid="task-delete"
          onClick={() => run(() => send('task.delete', { taskId: task.id }))}
        >
          {t('task_delete')}
        </button>
      </div>
      {actionError(action) && (
        <p class="error" role="alert">
          {actionError(action)}
        </p>
      )}
    </li>
  );
}
