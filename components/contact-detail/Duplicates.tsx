import { useState } from 'preact/hooks';
import { useLiveQuery } from '@/components/use-live-query';
import { describeError } from '@/lib/errors';
import { type MessageKey, t } from '@/lib/i18n';
import { send } from '@/lib/messaging/client';
import type { Contact } from '@/lib/model';
import { type DuplicateReason, findPossibleDuplicates } from '@/lib/pipeline/duplicates';

const REASONS: Record<DuplicateReason, MessageKey> = {
  email: 'detail_dupEmail',
  linkedin: 'detail_dupLinkedin',
  'name-company': 'detail_dupNameCompany',
  phone: 'detail_dupPhone',
  name: 'detail_dupName',
};

/** Other contacts that may be this person, each with why, and a one-click merge into this contact. */
export function Duplicates({ contact }: { contact: Contact }) {
  const found = useLiveQuery((db) => findPossibleDuplicates(db, contact), [contact]);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  if (!found) return null;
  return (
    <section aria-labelledby="dups-title" data-testid="duplicates">
      <h3 id="dups-title">{t('detail_duplicates')}</h3>
      {found.length === 0 && <p class="muted">{t('detail_noDuplicates')}</p>}
      <ul class="plain-list dup-list">
        {found.map(({ contact: other, reasons }) => (
          <li key={other.id} data-testid="duplicate">
            <a href={`#contacts?id=${encodeURIComponent(other.id)}`}>{other.name || other.emails[0] || t('unnamed')}</a>
            <span class="muted"> {[other.jobTitle, other.company].filter(Boolean).join(' · ')}</span>
            <div class="muted dup-meta">{other.emails.join(', ')}</div>
            <div class="dup-meta">{t('detail_dupBecause', reasons.map((r) => t(REASONS[r])).join(', '))}</div>
            <button
              type="button"
              data-testid="merge-duplicate"
              onClick={async () => {
                setError('');
                try {
                  await send('contacts.merge', { keepId: contact.id, mergeId: other.id });
                  setStatus(t('detail_merged', other.name || other.emails[0] || t('unnamed')));
                } catch (err) {
                  setError(describeError(err));
                }
              }}
            >
              {t('detail_mergeHere')}
            </button>
          </li>
        ))}
      </ul>
      <p role="status" class="muted">
        {status}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
