import { useEffect, useRef, useState } from 'preact/hooks';
import ReviewForm from '@/components/review/ReviewForm';
import { t } from '@/lib/i18n';
import type { Stage } from '@/lib/model';
import { emptyCandidate } from '@/lib/popup/hand-candidate';
import { contactById } from '@/lib/read/contacts';
import { readNow } from '@/lib/read/watch';

export interface AddContactProps {
  dealOnCapture: boolean;
  /** A board column's "+": the person is saved with a deal in this (open) stage. */
  stage?: Stage;
  onClose: () => void;
}

/**
 * Adding a person by hand on the options page, in a modal dialog: the contacts view's "Add contact" and a
 * board column's "+". Saved through capture.save like a capture, so someone already known is updated (and
 * said so), not added twice. Loaded on first use.
 */
export default function AddContact({ dealOnCapture, stage, onClose }: AddContactProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [done, setDone] = useState<{ contactId: string; created: boolean; name: string } | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    dialog.current?.showModal();
    dialog.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, []);
  return (
    <dialog
      ref={dialog}
      class="add-dialog"
      data-testid="add-dialog"
      aria-labelledby="review-title"
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {stage && (
        <p class="muted" data-testid="add-stage">
          {t('add_dealInStage', stage.name)}
        </p>
      )}
      <ReviewForm
        key={round}
        capture={{ url: '', title: '', site: 'manual' }}
        candidate={emptyCandidate()}
        main
        byHand
        dealOnCapture={dealOnCapture}
        stageId={stage?.id}
        onShown={() => undefined}
        onSaved={async ({ contactId, created }) => {
          const c = await readNow((db) => contactById(db, contactId));
          setDone({ contactId, created, name: c?.name || c?.emails[0] || t('unnamed') });
          // A fresh form for the next person; the result stays above it.
          setRound((r) => r + 1);
        }}
        onCancel={onClose}
      />
      {done && (
        <p role="status" data-testid="add-result">
          {done.created ? t('add_added', done.name) : t('add_alreadyKnown', done.name)}{' '}
          <a href={`#contacts?id=${encodeURIComponent(done.contactId)}`} onClick={onClose}>
            {t('add_openContact')}
          </a>
        </p>
      )}
    </dialog>
  );
}
