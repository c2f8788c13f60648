import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/client';
import type { Stage } from '@/lib/model';

/**
 * "Start deal" on a contact without an open deal (a lead, or someone whose deals are all closed): the rep picks
 * the stage it starts in, the first open stage by default.
 */
export function StartDeal({ contactId, stages }: { contactId: string; stages: readonly Stage[] }) {
  const open = stages.filter((s) => s.kind === 'open');
  const [stageId, setStageId] = useState(open[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  async function start() {
    setBusy(true);
    setError('');
    try {
      await send('deal.create', { contactId, stageId: stageId || undefined });
    } catch (err) {
      setError(t('contacts_actionFailed', err instanceof Error ? err.message : String(err)));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div class="start-deal">
      <label>
        <span>{t('detail_startIn')}</span>
        <select value={stageId} onChange={(e) => setStageId(e.currentTarget.value)} data-testid="start-deal-stage">
          {open.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" class="primary" disabled={busy || !open.length} onClick={start} data-testid="start-deal">
        {t('popup_startDeal')}
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
