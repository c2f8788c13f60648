import { useEffect, useState } from 'preact/hooks';
import { describeError } from '@/lib/errors';
import { t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/money';
import { send } from '@/lib/messaging/client';

const UNDO_MS = 15_000;

/** "Deleted N contacts. Undo" for a while after a delete (and the trash keeps them after that). */
export function UndoBar({ ids, count, onDone }: { ids: string[]; count: number; onDone: () => void }) {
  const [error, setError] = useState('');
  useEffect(() => {
    const id = setTimeout(onDone, UNDO_MS);
    return () => clearTimeout(id);
  }, [ids]);
  return (
    <div class="undo-bar" role="status" data-testid="undo-bar">
      <span>{t('contacts_deleted', formatNumber(count))}</span>
      <button
        type="button"
        data-testid="undo-delete"
        onClick={async () => {
          try {
            await send('contacts.restore', { contactIds: ids });
            onDone();
          } catch (err) {
            setError(describeError(err));
          }
        }}
      >
        {t('contacts_undo')}
      </button>
      {error && <span class="error">{error}</span>}
    </div>
  );
}
