import { useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/money';
import { send } from '@/lib/messaging/client';
import { errorText } from './download';

/** Deletes every contact, deal and activity after an explicit confirmation. Stages and settings stay. */
export function WipePanel() {
  const [state, setState] = useState<'idle' | 'confirm' | 'working'>('idle');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const confirmButton = useRef<HTMLButtonElement>(null);
  async function wipe() {
    setState('working');
    setError('');
    try {
      const r = await send('db.wipe', { confirm: 'wipe' });
      setMessage(t('io_wipeDone', formatNumber(r.contacts), formatNumber(r.deals)));
    } catch (err) {
      setError(errorText(err));
    }
    setState('idle');
  }
  return (
    <div>
      <p class="muted">{t('io_wipeHelp')}</p>
      {state !== 'confirm' ? (
        <button
          type="button"
          class="io-danger"
          data-testid="wipe-open"
          disabled={state === 'working'}
          onClick={() => {
            setMessage('');
            setState('confirm');
            setTimeout(() => confirmButton.current?.focus(), 0);
          }}
        >
          {t('io_wipeButton')}
        </button>
      ) : (
        <fieldset class="io-confirm">
          <legend class="io-warning">{t('io_wipeQuestion')}</legend>
          <div class="io-row">
            <button type="button" class="io-danger" ref={confirmButton} data-testid="wipe-confirm" onClick={wipe}>
              {t('io_wipeConfirm')}
            </button>
            <button type="button" onClick={() => setState('idle')}>
              {t('io_cancel')}
            </button>
          </div>
        </fieldset>
      )}
      {message && (
        <p role="status" data-testid="wipe-done">
          {message}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
