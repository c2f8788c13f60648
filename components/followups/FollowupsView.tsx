import { useNow } from '@/components/board/use-now';
import { useLiveQuery } from '@/components/use-live-query';
import type { ViewProps } from '@/components/view-props';
import { type MessageKey, t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/money';
import { openTasks, TASK_GROUPS, type TaskGroup } from '@/lib/tasks/due';
import { TaskRow } from '../tasks/TaskRow';

const GROUP_TITLES: Record<TaskGroup, MessageKey> = {
  overdue: 'followups_groupOverdue',
  today: 'followups_groupToday',
  tomorrow: 'followups_groupTomorrow',
  week: 'followups_groupWeek',
  later: 'followups_groupLater',
};

/**
 * Every open follow-up, in Overdue, Today, Tomorrow, Later this week and Later (options.html#followups; a summary
 * reminder opens it), each with Done, snooze and, for an email, a prefilled draft.
 */
export function FollowupsView({ settings }: ViewProps) {
  const now = useNow();
  const items = useLiveQuery((db) => openTasks(db, now), [now]);
  if (!items) return <p class="muted">{t('board_loading')}</p>;
  return (
    <div class="followups-view">
      {items.length === 0 && <p class="muted">{t('followups_nothingPlanned')}</p>}
      {TASK_GROUPS.map((group) => {
        const list = items.filter((i) => i.group === group);
        if (!list.length) return null;
        return (
          <section key={group} aria-labelledby={`fu-${group}-title`}>
            <h2 id={`fu-${group}-title`}>{t(GROUP_TITLES[group], formatNumber(list.length))}</h2>
            <ul class="plain-list followup-list" data-testid={`followups-${group}`}>
              {list.map(({ task, contact }) => (
                <TaskRow key={task.id} task={task} contact={contact} settings={settings} now={now} showContact />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
