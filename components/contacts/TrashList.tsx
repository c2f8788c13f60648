import { useState } from 'preact/hooks';
import { useLiveQuery } from '@/components/use-live-query';
import type { ViewProps } from '@/components/view-props';
import { describeError } from '@/lib/errors';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/client';
import { deletedContacts } from '@/lib/pipeline/delete-restore';
import { formatDateTime } from '../board/format';

/** Deleted contacts (soft-deleted, most recent first), each with Restore: nothing deleted is ever lost. */
export function TrashList(_props: ViewProps) {
  const rows = useLiveQuery((db) => deletedContacts(db), []);
  const [error, setError] = useState('');
  return (
    <section class="trash" aria-labelledby="trash-title">
      <p>
        <a href="#contacts">{t('contacts_back')}</a>
      </p>
      <h2 id="trash-title">{t('contacts_trash')}</h2>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {rows?.length === 0 && <p class="muted">{t('contacts_trashEmpty')}</p>}
      <ul class="plain-list">
        {rows?.map((c) => (
          <li key={c.id} data-testid="trash-item">
            <strong>{c.name || c.emails[0] || t('unnamed')}</strong>
            {c.company && <span class="muted"> · {c.company}</span>}
            <span class="muted"> · {t('contacts_deletedOn', formatDateTime(c.deletedAt!))}</span>{' '}
            <button
              type="button"
              onClick={() =>
                send('contacts.restore', { contactIds: [c.id] }).catch((err) => setError(describeError(err)))
              }
            >
              {t('contacts_restore')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
