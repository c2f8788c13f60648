import { useState } from 'preact/hooks';
import { describeError } from '@/lib/errors';
import { type MessageKey, t } from '@/lib/i18n';
import type { Candidate, Contact, PageCapture } from '@/lib/model';
import { type FieldChange, offeredUpdate, type UpdateField } from '@/lib/pipeline/known-update';
import { sendLazy } from '@/lib/popup/send-lazy';
import { sourceWords } from '../review/provenance-words';
import { setTicked, untickedFields, useUpdateChoices } from './update-choices';

const SINGLE_LABEL: Partial<Record<UpdateField, MessageKey>> = {
  name: 'fieldName',
  jobTitle: 'fieldJobTitle',
  company: 'fieldCompany',
  location: 'fieldLocation',
};
const ADDED: Partial<Record<UpdateField, MessageKey>> = {
  emails: 'upd_addEmail',
  phones: 'upd_addPhone',
  urls: 'upd_addLink',
};

/** "Job title: Sales Manager → Head of Sales", "Location: Jakarta", "+ email sari@acme.co.id". */
export function changeText(c: FieldChange): string {
  const added = ADDED[c.field];
  if (added) return t(added, c.added.join(', '));
  const label = t(SINGLE_LABEL[c.field]!);
  return c.from ? t('upd_changed', label, c.from, c.to) : t('upd_set', label, c.to);
}

/** The fields of a person's update that "Apply" or "Save all" would write: the unlocked ones not unticked. */
export function tickedFields(contactId: string, changes: readonly FieldChange[]): UpdateField[] {
  const off = untickedFields(contactId);
  return changes.filter((c) => !c.locked && !off.has(c.field)).map((c) => c.field);
}

/**
 * What this page adds to a known person, one checkbox per field: ticked by default, except a field the rep edited
 * by hand, which is never overwritten (shown locked, with the reason). Applying writes only the ticked fields
 * (contact.applyUpdates); the live contact then has them, and the offer goes away.
 */
export function UpdateOffer({
  contact,
  candidate,
  capture,
}: {
  contact: Contact;
  candidate: Candidate;
  capture: Pick<PageCapture, 'url' | 'site'>;
}) {
  useUpdateChoices();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [applied, setApplied] = useState(false);
  // Once applied, what the rep left unticked is not offered again until the popup opens anew.
  if (applied)
    return (
      <p class="muted small" role="status" data-testid="update-applied">
        {t('upd_applied')}
      </p>
    );
  const changes = offeredUpdate(contact, candidate);
  if (!changes.length) return null;
  const ticked = tickedFields(contact.id, changes);

  async function apply() {
    setBusy(true);
    setError('');
    try {
      await sendLazy('contact.applyUpdates', {
        source: { url: capture.url, site: capture.site },
        updates: [{ contactId: contact.id, candidate, fields: ticked }],
      });
      setApplied(true);
    } catch (err) {
      setError(t('popup_saveFailed', describeError(err)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="update-offer" data-testid="update-offer" aria-labelledby="update-title">
      <h2 id="update-title">{t('upd_title')}</h2>
      <ul>
        {changes.map((c) => {
          const id = `update-${c.field}`;
          return (
            <li key={c.field} data-testid="update-change" data-field={c.field}>
              <input
                id={id}
                type="checkbox"
                data-testid="update-tick"
                disabled={c.locked || busy}
                checked={ticked.includes(c.field)}
                aria-describedby={`${id}-why`}
                onChange={(e) => setTicked(contact.id, c.field, e.currentTarget.checked)}
              />
              <label for={id}>{changeText(c)}</label>
              <p id={`${id}-why`} class="muted small" data-testid={c.locked ? 'update-locked' : 'update-source'}>
                {c.locked
                  ? t('upd_locked')
                  : c.provenance
                    ? t('provenanceFrom', sourceWords(c.provenance.source, c.provenance.detail))
                    : t('upd_fromPage')}
              </p>
            </li>
          );
        })}
      </ul>
      <div class="actions">
        <button type="button" data-testid="apply-update" disabled={busy || !ticked.length} onClick={apply}>
          {t('upd_apply', ticked.length)}
        </button>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
