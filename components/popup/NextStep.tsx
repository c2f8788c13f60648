import { type MessageKey, t } from '@/lib/i18n';
import { formatDate } from '@/lib/i18n/money';
import type { Activity, Deal, Stage } from '@/lib/model';
import { relativeDay } from '@/lib/popup/relative-time';
import { sourceLabel } from '../source-label';

const ACTIVITY: Record<Activity['type'], MessageKey> = {
  captured: 'popup_actCaptured',
  updated: 'popup_actUpdated',
  'stage-changed': 'popup_actStageChanged',
  note: 'popup_actNote',
  'follow-up-set': 'popup_actFollowUpSet',
  'follow-up-done': 'popup_actFollowUpDone',
  imported: 'popup_actImported',
  merged: 'popup_actMerged',
  deleted: 'popup_actDeleted',
  restored: 'popup_actRestored',
  'deal-started': 'popup_actDealStarted',
  'email-logged': 'popup_actEmailLogged',
};

export function describeActivity(a: Activity, stages: ReadonlyMap<string, Stage>): string {
  if (a.type === 'stage-changed') {
    const to = typeof a.payload.to === 'string' ? (stages.get(a.payload.to)?.name ?? a.payload.to) : '';
    return t('popup_actStageChanged', to);
  }
  if (a.type === 'captured' && typeof a.payload.site === 'string')
    return t('popup_actCaptured', sourceLabel(a.payload.site));
  if (a.type === 'deal-started') {
    const id = typeof a.payload.stageId === 'string' ? a.payload.stageId : '';
    return t('popup_actDealStarted', stages.get(id)?.name ?? id);
  }
  if (a.type === 'email-logged')
    return t('popup_actEmailLogged', typeof a.payload.subject === 'string' ? a.payload.subject : '');
  return t(ACTIVITY[a.type] ?? 'popup_actUpdated', '');
}

/** "What next": the deal's follow-up (overdue in red, and said in words), the last activity, the latest note. */
export function NextStep({
  deal,
  lastActivity,
  latestNote,
  stages,
  now,
}: {
  deal: Deal;
  lastActivity: Activity | null;
  latestNote: Activity | null;
  stages: ReadonlyMap<string, Stage>;
  now: number;
}) {
  const due = deal.followUpAt;
  const overdue = due !== null && due < now;
  const noteText = typeof latestNote?.payload.text === 'string' ? latestNote.payload.text : '';
  return (
    <dl class="next-step">
      <dt>{t('popup_followUp')}</dt>
      <dd data-testid="follow-up" class={overdue ? 'overdue' : undefined}>
        {due === null ? (
          <span class="muted">{t('popup_noFollowUp')}</span>
        ) : (
          <>
            <time dateTime={new Date(due).toISOString()}>{formatDate(due)}</time> ({relativeDay(due, now)})
            {overdue && <strong class="overdue-label"> · {t('popup_overdue')}</strong>}
            {deal.followUpNote && <span class="follow-up-note"> — {deal.followUpNote}</span>}
          </>
        )}
      </dd>
      <dt>{t('popup_lastActivity')}</dt>
      <dd data-testid="last-activity">
        {lastActivity ? (
          <>
            {describeActivity(lastActivity, stages)} · {relativeDay(lastActivity.at, now)}
          </>
        ) : (
          <span class="muted">{t('popup_none')}</span>
        )}
      </dd>
      {latestNote && noteText && (
        <>
          <dt>{t('popup_latestNote')}</dt>
          <dd data-testid="latest-note">
            <q class="note-text">{noteText}</q> <span class="muted">· {relativeDay(latestNote.at, now)}</span>
          </dd>
        </>
      )}
    </dl>
  );
}
