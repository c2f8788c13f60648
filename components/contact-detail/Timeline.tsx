import { useState } from 'preact/hooks';
import { useLiveQuery } from '@/components/use-live-query';
import { type MessageKey, t } from '@/lib/i18n';
import type { Activity, Stage } from '@/lib/model';
import { timelinePage } from '@/lib/read/contact-detail';
import { formatDateTime } from '../board/format';
import { activityText, threadLink } from './activity-text';

const PAGE = 100;
const LABELS: Record<Activity['type'], MessageKey> = {
  captured: 'detail_actCaptured',
  updated: 'detail_actUpdated',
  'stage-changed': 'detail_actStage',
  note: 'detail_actNote',
  'follow-up-set': 'detail_actFollowUpSet',
  'follow-up-done': 'detail_actFollowUpDone',
  imported: 'detail_actImported',
  merged: 'detail_actMerged',
  deleted: 'detail_actDeleted',
  restored: 'detail_actRestored',
  'deal-started': 'detail_actDealStarted',
  'email-logged': 'detail_actEmailLogged',
};

/** The contact's activity, newest first: captured where and when, stage changes, notes, follow-ups, merges. */
export function Timeline({ contactId, stages }: { contactId: string; stages: readonly Stage[] }) {
  const [limit, setLimit] = useState(PAGE);
  const rows = useLiveQuery((db) => timelinePage(db, contactId, limit), [contactId, limit]);
  const names = new Map(stages.map((s) => [s.id, s.name]));
  const stageName = (id: string) => names.get(id) ?? id;
  if (!rows) return null;
  return (
    <>
      <ol class="timeline" data-testid="timeline">
        {rows.slice(0, limit).map((a) => (
          <li key={a.id} class={`act act-${a.type}`} data-testid="timeline-item">
            <time dateTime={new Date(a.at).toISOString()}>{formatDateTime(a.at)}</time>
            <strong>{t(LABELS[a.type])}</strong>
            <span class={a.type === 'note' ? 'pre act-text' : 'act-text'} data-testid="timeline-text">
              {activityText(a, stageName).map((line) => (
                <span key={line} class="act-line" data-testid="timeline-line">
                  {line}
                </span>
              ))}
            </span>
            {a.type === 'email-logged' && threadLink(a) && (
              <a href={threadLink(a)} target="_blank" rel="noopener noreferrer" data-testid="open-thread">
                {t('tl_openThread')}
              </a>
            )}
          </li>
        ))}
      </ol>
      {rows.length > limit && (
        <button type="button" onClick={() => setLimit(limit + PAGE)}>
          {t('detail_showMore')}
        </button>
      )}
    </>
  );
}
