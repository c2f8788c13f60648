import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/client';
import { MAX_NOTE } from '@/lib/model/limits';
import { FormFooter, type InlineFormProps, onFormKeyDown, runSave, useFocusOnOpen } from './form-parts';

/** Adds a note to the contact's timeline, about this deal. */
export default function NoteForm({
  contactId,
  dealId,
  onClose,
}: InlineFormProps & { contactId: string; dealId: string | null }) {
  const [text, setText] = useState('');
  const focus = useFocusOnOpen<HTMLTextAreaElement>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  return (
    <form
      class="inline-form"
      data-testid="note-form"
      onKeyDown={onFormKeyDown(onClose)}
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return setError(t('popup_noteEmpty'));
        void runSave(setBusy, setError, () => send('note.add', { contactId, dealId, text: text.trim() }), onClose);
      }}
    >
      <label class="field">
        <span class="field-label">{t('popup_noteLabel')}</span>
        <textarea
          rows={3}
          maxLength={MAX_NOTE}
          value={text}
          ref={focus}
          data-testid="note-text"
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
      <FormFooter busy={busy} error={error} saveLabel={t('popup_addNote')} onCancel={onClose} testId="note" />
    </form>
  );
}
