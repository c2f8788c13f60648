import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/client';
import { actionError, useAction } from '../use-action';

/** Adds a note to the contact's timeline. */
export function NoteForm({ contactId, dealId }: { contactId: string; dealId: string | null }) {
  const [text, setText] = useState('');
  const [action, run] = useAction();
  const error = actionError(action);
  return (
    <form
      class="note-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!text.trim()) return;
        if (await run(() => send('note.add', { contactId, dealId, text }))) setText('');
      }}
    >
      <label>
        <span class="visually-hidden">{t('detail_addNote')}</span>
        <textarea
          rows={3}
          data-testid="note-text"
          maxLength={20_000}
          placeholder={t('detail_notePlaceholder')}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
      <button type="submit" class="primary" data-testid="note-add" disabled={!text.trim() || action.status === 'busy'}>
        {t('detail_addNoteButton')}
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
