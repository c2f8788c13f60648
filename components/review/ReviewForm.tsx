import { useEffect, useRef, useState } from 'preact/hooks';
import { focusTaken } from '@/components/popup/focus';
import { Field } from '@/components/popup/forms/form-parts';
import { describeError } from '@/lib/errors';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/client';
import type { Candidate, PageCapture } from '@/lib/model';
import { MAX_TEXT } from '@/lib/model/limits';
import { invalidEmails } from '@/lib/popup/edits';
import {
  editedCandidate,
  editedFields,
  patchForKnown,
  type ReviewField,
  type ReviewValues,
  reviewContactPatch,
  reviewValues,
} from '@/lib/popup/review';
import { contactById } from '@/lib/read/contacts';
import { readNow } from '@/lib/read/watch';
import { ProvenanceLine } from './ProvenanceLine';

const FIELDS: { field: ReviewField; label: () => string; multiline?: boolean }[] = [
  { field: 'name', label: () => t('fieldName') },
  { field: 'jobTitle', label: () => t('fieldJobTitle') },
  { field: 'company', label: () => t('fieldCompany') },
  { field: 'emails', label: () => t('fieldEmails'), multiline: true },
  { field: 'phones', label: () => t('fieldPhones'), multiline: true },
  { field: 'linkedinUrl', label: () => t('fieldLinkedin') },
  { field: 'location', label: () => t('fieldLocation') },
];

export interface ReviewFormProps {
  capture: Pick<PageCapture, 'url' | 'title' | 'site'>;
  candidate: Candidate;
  /** The popup's main person: "Save as prospect" takes the focus. */
  main: boolean;
  /** The rep's setting: every save starts a deal (the primary button), or a save keeps a lead. */
  dealOnCapture: boolean;
  onShown: () => void;
  /** Adding a person by hand: every field shown, a heading of its own, no "where it came from" for empty ones. */
  byHand?: boolean;
  /** A board column's "+": the one button saves and starts the deal in this stage. */
  stageId?: string;
  /** After the save: the contact the person became (a new one, or the one they already were). */
  onSaved?: (saved: { contactId: string; created: boolean }) => void;
  onCancel?: () => void;
}

/**
 * Someone the store does not know yet: what the page said about them, where each value came from, editable
 * before "Save as prospect". Saving stores the person (capture.save, merged with anyone they turn out to be),
 * then marks the fields the rep changed as edited by hand (contact.update), so a later capture keeps them.
 */
export default function ReviewForm({
  capture,
  candidate,
  main,
  dealOnCapture,
  onShown,
  byHand = false,
  stageId,
  onSaved,
  onCancel,
}: ReviewFormProps) {
  const [initial] = useState(() => reviewValues(candidate));
  const [values, setValues] = useState<ReviewValues>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const saveButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    onShown();
    if (main && !focusTaken()) saveButton.current?.focus();
  }, []);
  const edited = new Set(editedFields(initial, values));

  async function save(e: Event) {
    e.preventDefault();
    // Enter in a field is the primary button; the other button says which it is.
    const submitter = (e as SubmitEvent).submitter as HTMLButtonElement | null;
    const startDeal = stageId ? true : submitter?.value ? submitter.value === 'deal' : dealOnCapture;
    const next = editedCandidate(candidate, values);
    const bad = invalidEmails(next.emails);
    if (bad.length) return setError(t('popup_badEmail', bad.join(', ')));
    if (!next.name && !next.emails.length && !next.linkedinUrl) return setError(t('popup_needNameOrEmail'));
    setBusy(true);
    setError('');
    try {
      const { saved } = await send('capture.save', {
        capture: { ...capture, candidates: [next] },
        startDeal,
        ...(stageId ? { stageId } : {}),
      });
      const contactId = saved[0]?.contactId;
      const changed = editedFields(initial, values);
      if (contactId && changed.length) {
        const contact = await readNow((db) => contactById(db, contactId));
        const typed = reviewContactPatch(changed, values, contact?.urls ?? { other: [] });
        // Someone already stored: the rep's edits add to them, an emptied field erases nothing.
        const patch = saved[0]!.created || !contact ? typed : patchForKnown(typed, contact);
        if (Object.keys(patch).length) await send('contact.update', { contactId, patch });
      }
      // The popup now finds this person in the store and shows their stage: this form goes away.
      if (contactId) onSaved?.({ contactId, created: saved[0]!.created });
      setBusy(false);
    } catch (err) {
      setError(t('saveFailed', describeError(err)));
      setBusy(false);
    }
  }

  return (
    <form
      class="review"
      data-testid={byHand ? 'add-form' : 'review-form'}
      onSubmit={save}
      aria-labelledby="review-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onCancel) {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      {byHand ? (
        <h1 id="review-title" data-testid="add-title">
          {t('add_title')}
        </h1>
      ) : (
        <h1 id="review-title" data-testid="candidate-name">
          {candidate.name || candidate.emails[0] || t('unnamed')}
        </h1>
      )}
      <p class="muted">{byHand ? t('add_hint') : t('popup_newPerson')}</p>
      {FIELDS.map(({ field, label, multiline }) => {
        const value = values[field];
        if (!byHand && !value && !initial[field] && !['name', 'jobTitle', 'company', 'emails'].includes(field))
          return null;
        const onInput = (ev: { currentTarget: { value: string } }) =>
          setValues((v) => ({ ...v, [field]: ev.currentTarget.value }));
        return (
          <div class="review-field" key={field} data-testid={`review-${field}`}>
            <Field label={label()}>
              {multiline ? (
                <textarea rows={Math.min(4, Math.max(1, value.split('\n').length))} value={value} onInput={onInput} />
              ) : (
                <input maxLength={MAX_TEXT} value={value} onInput={onInput} />
              )}
            </Field>
            {!(byHand && !initial[field]) && (
              <ProvenanceLine
                provenance={candidate.provenance[field]}
                edited={edited.has(field)}
                empty={!initial[field]}
              />
            )}
          </div>
        );
      })}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        {(() => {
          // Which choice is the main one: a deal when the form adds to a board column or the rep starts one for
          // every capture; otherwise a lead, with "Save and start deal" beside it.
          const [main, other] = stageId
            ? [{ value: 'deal', label: t('add_saveDeal') }, null]
            : dealOnCapture
              ? [
                  { value: 'deal', label: t('popup_saveAndStartDeal') },
                  { value: 'lead', label: t('popup_saveLeadOnly'), testid: 'save-lead' },
                ]
              : [
                  { value: 'lead', label: t('popup_saveLead') },
                  { value: 'deal', label: t('popup_saveAndStartDeal'), testid: 'save-and-start-deal' },
                ];
          return (
            <>
              <button
                ref={saveButton}
                type="submit"
                class="primary"
                value={main.value}
                disabled={busy}
                data-testid="save-candidate"
              >
                {main.label}
              </button>
              {other && (
                <button type="submit" value={other.value} disabled={busy} data-testid={other.testid}>
                  {other.label}
                </button>
              )}
            </>
          );
        })()}
        {onCancel && (
          <button type="button" onClick={onCancel} data-testid="add-cancel">
            {t('popup_cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
