import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/money';
import { send } from '@/lib/messaging/client';
import { errorText } from './download';

const DEMO_CONTACTS = 300;

/** "Load demo pipeline": the deterministic demo generator (lib/demo) through the background's 'demo.load'. */
export function DemoPanel() {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  async function remove() {
    setBusy(true);
    setError('');
    setMessage('');
    try {
      const r = await send('demo.remove', {});
      setMessage(t('demo_removed', formatNumber(r.contacts)));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  async function load() {
    setBusy(true);
    setError('');
    setMessage('');
    try {
      const r = await send('demo.load', { contacts: DEMO_CONTACTS });
      setMessage(t('io_demoDone', formatNumber(r.contacts), formatNumber(r.deals)));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div>
      <p class="muted">{t('io_demoHelp')}</p>
      <button type="button" data-testid="demo-load" disabled={busy} onClick={load}>
        {t('io_demoButton')}
      </button>{' '}
      <button type="button" data-testid="demo-remove" disabled={busy} onClick={remove}>
        {t('demo_remove')}
      </button>
      {message && (
        <p role="status" data-testid="demo-done">
          {message} <a href="#board">{t('io_demoOpenBoard')}</a>
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
