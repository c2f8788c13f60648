import { useState } from 'preact/hooks';
import { type MessageKey, t } from '@/lib/i18n';
import { send } from '@/lib/messaging/client';
import { FormFooter, type InlineFormProps, onFormKeyDown, runSave, useFocusOnOpen } from './form-parts';

const REASONS: MessageKey[] = [
  'popup_lostPrice',
  'popup_lostCompetitor',
  'popup_lostNoBudget',
  'popup_lostNoDecision',
  'popup_lostTiming',
  'popup_lostNoResponse',
];

/** Marks the deal lost: the reason is asked for (the win-rate and loss reports need it). */
export default function LostForm({
  dealId,
  lostStageId,
  onClose,
}: InlineFormProps & { dealId: string; lostStageId: string }) {
  const [reason, setReason] = useState('');
  const focus = useFocusOnOpen<HTMLInputElement>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  return (
    <form
      class="inline-form"
      data-testid="lost-form"
      onKeyDown={onFormKeyDown(onClose)}
      onSubmit={(e) => {
        e.preventDefault();
        const lostReason = reason.trim();
        if (!lostReason) return setError(t('popup_lostReasonRequired'));
        void runSave(setBusy, setError, () => send('deal.move', { dealId, stageId: lostStageId, lostReason }), onClose);
      }}
    >
      <label class="field">
        <span class="field-label">{t('popup_lostReason')}</span>
        <input
          list="lost-reasons"
          maxLength={500}
          value={reason}
          ref={focus}
          aria-required="true"
          data-testid="lost-reason"
          onInput={(e) => setReason(e.currentTarget.value)}
        />
      </label>
      <datalist id="lost-reasons">
        {REASONS.map((k) => (
          <option key={k} value={t(k)} />
        ))}
      </datalist>
      <fieldset class="chips">
        <legend class="visually-hidden">{t('popup_lostCommon')}</legend>
        {REASONS.map((k) => (
          <button key={k} type="button" class="chip" aria-pressed={reason === t(k)} onClick={() => setReason(t(k))}>
            {t(k)}
          </button>
        ))}
      </fieldset>
      <FormFooter busy={busy} error={error} saveLabel={t('popup_markLost')} onCancel={onClose} testId="lost" />
    </form>
  );
}
