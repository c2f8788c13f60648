import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/client';
import type { Deal, Settings, TaskType } from '@/lib/model';
import { defaultFollowUp } from '@/lib/reminders/default-follow-up';
import { TASK_TYPE_KEYS } from '@/lib/reminders/task-types';
import { actionError, useAction } from '../use-action';

const TYPES = Object.keys(TASK_TYPE_KEYS) as TaskType[];

/** `YYYY-MM-DDTHH:mm` in local time, as a datetime-local input shows it. */
function localInput(ms: number): string {
  return new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** Adds a follow-up for a contact: type, what to do, when, and which of their deals it is about (if any). */
export function TaskForm({ contactId, deals, settings }: { contactId: string; deals: Deal[]; settings: Settings }) {
  const open = deals.filter((d) => d.closedAt === null && d.deletedAt === null);
  const [type, setType] = useState<TaskType>('call');
  const [title, setTitle] = useState('');
  const [when, setWhen] = useState(() => localInput(defaultFollowUp(Date.now(), settings.followUpDays)));
  const [dealId, setDealId] = useState<string>(open[0]?.id ?? '');
  const [action, run] = useAction();
  const [invalid, setInvalid] = useState(false);
  return (
    <form
      class="task-form"
      data-testid="task-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const dueAt = new Date(when).getTime();
        setInvalid(!Number.isFinite(dueAt));
        if (!Number.isFinite(dueAt)) return;
        const task = { contactId, dealId: dealId || null, type, title: title.trim(), dueAt };
        // Cleared once saved, unless the rep has already typed the next one meanwhile (it would be lost).
        const typed = title;
        if (await run(() => send('task.add', { task }))) setTitle((now) => (now === typed ? '' : now));
      }}
    >
      <div class="deal-fields">
        <label>
          <span>{t('task_type')}</span>
          <select
            data-testid="task-form-type"
            value={type}
            onChange={(e) => setType(e.currentTarget.value as TaskType)}
          >
            {TYPES.map((k) => (
              <option key={k} value={k}>
                {t(TASK_TYPE_KEYS[k])}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('task_what')}</span>
          <input
            data-testid="task-form-title"
            value={title}
            maxLength={500}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
        </label>
        <label>
          <span>{t('task_when')}</span>
          <input
            type="datetime-local"
            data-testid="task-form-when"
            required
            value={when}
            onInput={(e) => setWhen(e.currentTarget.value)}
          />
        </label>
        {open.length > 0 && (
          <label>
            <span>{t('task_forDeal')}</span>
            <select value={dealId} onChange={(e) => setDealId(e.currentTarget.value)}>
              {open.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.title}
                </option>
              ))}
              <option value="">{t('task_noDeal')}</option>
            </select>
          </label>
        )}
      </div>
      <button type="submit" class="primary" data-testid="task-form-add" disabled={action.status === 'busy'}>
        {t('task_add')}
      </button>
      {(invalid || actionError(action)) && (
        <p class="error" role="alert">
          {invalid ? t('detail_badDate') : actionError(action)}
        </p>
      )}
    </form>
  );
}
