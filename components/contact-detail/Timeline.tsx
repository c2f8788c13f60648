import { useState } from 'preact/hooks';
import { useLiveQuery } from '@/components/use-live-query';
import { getDb } from '@/lib/db/database';
import { type MessageKey, t } from '@/lib/i18n';
import type { Activity, Stage } from '@/lib/model';
import { formatDateTime } from '../board/format';

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
};

const str = (v: unknown) => (typeof v === 'string' ? v : '');

function details(a: Activity, stageName: (id: string) => string) {
  const p = a.payload;
  switch (a.type) {
    case 'captured':
    case 'imported':
      return [str(p.site), str(p.url) || str(p.file)].filter(Boolean).join(' · ');
    case 'updated':
      return Array.isArray(p.fields) ? p.fields.map(String).join(', ') : '';
    case 'stage-changed':
      return `${stageName(str(p.from))} → ${stageName(str(p.to))}${p.lostReason ? ` (${str(p.lostReason)})` : ''}`;
    case 'note':
      return str(p.text);
    case 'follow-up-set':
    case 'follow-up-done':
      return [typeof p.due === 'number' ? formatDateTime(p.due) : '', str(p.note)].filter(Boolean).join(' — ');
    case 'merged':
      return str(p.name);
    default:
      return '';
  }
}

/** The contact's activity, newest first: captured where and when, stage changes, notes, follow-ups, merges. */
export function Timeline({ contactId, stages }: { contactId: string; stages: readonly Stage[] }) {
  const [limit, setLimit] = useState(PAGE);
  const rows = useLiveQuery(
    () =>
      getDb()
        .activities.where('[contactId+at]')
        .between([contactId, -Infinity], [contactId, Infinity])
        .reverse()
        .limit(limit + 1)
        .toArray(),
    [contactId, limit],
  );
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
            <span class={a.type === 'note' ? 'pre' : ''}>{details(a, stageName)}</span>
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
