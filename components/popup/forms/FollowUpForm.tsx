import { useState } from 'preact/hooks';
import { dayKey } from '@/lib/forecast/calendar';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/client';
import type { Deal } from '@/lib/model';
import { MAX_TEXT } from '@/lib/model/limits';
import { defaultFollowUp } from '@/lib/reminders/default-follow-up';
import { Field, FormFooter, type InlineFormProps, onFormKeyDown, runSave, useFocusOnOpen } from './form-parts';

const pad = (n: number) => String(n).padStart(2, '0');

/** A local date and time (from date and time inputs) as milliseconds; NaN when either is malformed. */
export function localMoment(day: string, time: string): number {
  const [y, m, d] = day.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  if (!y || !m || !d || h === undefined || min === undefined) return Number.NaN;
  return new Date(y, m - 1, d, h, min).getTime();
}

/** Sets (or changes) the deal's follow-up: a day, a time, a line saying what to do. */
export default function FollowUpForm({
  deal,
  defaultDays,
  now,
  onClose,
}: InlineFormProps & { deal: Deal; defaultDays: number; now: number }) {
  const start = deal.followUpAt ?? defaultFollowUp(now, defaultDays);
  const [day, setDay] = useState(dayKey(start, 'local'));
  const [time, setTime] = useState(`${pad(new Date(start).getHours())}:${pad(new Date(start).getMinutes())}`);
  const [note, setNote] = useState(deal.followUpNote);
  const focus = useFocusOnOpen<HTMLInputElement>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  return (
    <form
      class="inline-form"
      data-testid="follow-up-form"
      onKeyDown={onFormKeyDown(onClose)}
      onSubmit={(e) => {
        e.preventDefault();
        const at = localMoment(day, time || '09:00');
        if (!Number.isFinite(at) || at < 0) return setError(t('popup_followUpBadDate'));
        void runSave(
          setBusy,
          setError,
          () => send('deal.update', { dealId: deal.id, patch: { followUpAt: at, followUpNote: note.trim() } }),
          onClose,
        );
      }}
    >
      <div class="field-row">
        <Field label={t('popup_followUpDate')}>
          <input
            type="date"
            required
            value={day}
            ref={focus}
            data-testid="follow-up-date"
            onInput={(e) => setDay(e.currentTarget.value)}
          />
        </Field>
        <Field label={t('popup_followUpTime')}>
          <input type="time" value={time} onInput={(e) => setTime(e.currentTarget.value)} />
        </Field>
      </div>
      <Field label={t('popup_followUpNote')}>
        <input
          maxLength={MAX_TEXT}
          value={note}
          data-testid="follow-up-note"
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </Field>
      <FormFooter busy={busy} error={error} saveLabel={t('popup_setFollowUp')} onCancel={onClose} testId="follow-up" />
    </form>
  );
}
