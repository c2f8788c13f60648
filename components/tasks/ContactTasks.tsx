import { useNow } from '@/components/board/use-now';
import { useLiveQuery } from '@/components/use-live-query';
import { t } from '@/lib/i18n';
import type { Contact, Deal, Settings } from '@/lib/model';
import { tasksOfContact } from '@/lib/tasks/due';
import { TaskForm } from './TaskForm';
import { TaskRow } from './TaskRow';

/** A contact's follow-ups on their page: the open ones soonest first, the done ones folded away, and a form. */
export function ContactTasks({ contact, deals, settings }: { contact: Contact; deals: Deal[]; settings: Settings }) {
  const now = useNow();
  const tasks = useLiveQuery((db) => tasksOfContact(db, contact.id), [contact.id]) ?? [];
  const open = tasks.filter((x) => x.openDue !== null);
  const done = tasks.filter((x) => x.openDue === null);
  return (
    <section aria-labelledby="tasks-title" data-testid="contact-tasks">
      <h3 id="tasks-title">{t('task_listTitle')}</h3>
      {open.length === 0 && <p class="muted">{t('task_noneForContact')}</p>}
      <ul class="plain-list followup-list">
        {open.map((task) => (
          <TaskRow key={task.id} task={task} contact={contact} settings={settings} now={now} showContact={false} />
        ))}
      </ul>
      {done.length > 0 && (
        <details>
          <summary>{t('task_showDone', done.length)}</summary>
          <ul class="plain-list followup-list">
            {done.map((task) => (
              <TaskRow key={task.id} task={task} contact={contact} settings={settings} now={now} showContact={false} />
            ))}
          </ul>
        </details>
      )}
      {contact.deletedAt === null && <TaskForm contactId={contact.id} deals={deals} settings={settings} />}
    </section>
  );
}
