import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useLiveQuery } from '@/components/use-live-query';
import { describeError } from '@/lib/errors';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/client';
import { unsyncedCount } from '@/lib/read/team';
import { DB_NAME_RE, originPattern, type SyncStatus, serverUrlProblem, type TeamTarget } from '@/lib/sync/config';
import { loadSyncStatus, loadTeamConfig, syncStatusItem, teamConfigItem } from '@/lib/sync/team-storage';
import { syncErrorText } from './team-errors';

interface Connected {
  url: string;
  db: string;
  user: string;
}

/** Checks the form; returns the problem's message or the target. Nothing awaited: runs inside the click. */
function readForm(form: Record<keyof TeamTarget, string>): string | TeamTarget {
  const { url, db, user, password } = form;
  if (!url.trim() || !db.trim() || !user.trim() || !password) return t('team_fieldsMissing');
  const urlProblem = serverUrlProblem(url);
  if (urlProblem) return t(urlProblem);
  if (!DB_NAME_RE.test(db.trim())) return t('team_dbInvalid');
  return { url: url.trim(), db: db.trim(), user: user.trim(), password };
}

function formatTime(at: number): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/**
 * Settings → Team: connect this browser to the team's CouchDB, see how the sync is doing. The server's host
 * permission is asked for inside the click on "Test connection" or "Connect" (never at install); the password
 * goes to the background, which keeps it in extension storage only.
 */
export function TeamSettings() {
  const [connected, setConnected] = useState<Connected | null | undefined>(undefined);
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [form, setForm] = useState<Record<keyof TeamTarget, string>>({
    url: '',
    db: 'prospector',
    user: '',
    password: '',
  });
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const pending = useLiveQuery(unsyncedCount, []);

  useEffect(() => {
    const show = (c: { url: string; db: string; user: string } | null) =>
      setConnected(c ? { url: c.url, db: c.db, user: c.user } : null);
    void loadTeamConfig().then(show);
    void loadSyncStatus().then(setStatus);
    const offConfig = teamConfigItem.watch((c) => show(c));
    const offStatus = syncStatusItem.watch((s) => setStatus(s));
    return () => {
      offConfig();
      offStatus();
    };
  }, []);

  const run = (connect: boolean) => {
    setMessage('');
    setError('');
    const target = readForm(form);
    if (typeof target === 'string') {
      setError(target);
      return;
    }
    // The permission request must start inside this click: nothing is awaited before it.
    const asked = browser.permissions.request({ origins: [originPattern(target.url)] });
    setBusy(true);
    void asked
      .then(async (granted) => {
        if (!granted) {
          setError(t('team_permissionDenied'));
          return;
        }
        const check = await send(connect ? 'team.connect' : 'team.test', target);
        if (connect) setForm((f) => ({ ...f, password: '' }));
        setMessage(t('team_testOk', check.user, check.docCount));
      })
      .catch((err) => setError(describeError(err)))
      .finally(() => setBusy(false));
  };

  const disconnect = () => {
    setError('');
    void send('team.disconnect', {})
      .then(() => setMessage(t('team_disconnected')))
      .catch((err) => setError(describeError(err)));
  };

  const field = (
    key: keyof TeamTarget,
    label: string,
    type: 'text' | 'url' | 'password' = 'text',
    autocomplete = 'off',
  ) => (
    <label>
      <span>{label}</span>
      <input
        type={type as 'text'}
        data-testid={`team-${key}`}
        autocomplete={autocomplete}
        value={form[key]}
        onInput={(e) => {
          const value = e.currentTarget.value;
          setForm((f) => ({ ...f, [key]: value }));
        }}
      />
    </label>
  );

  const readOnly = status?.roles.includes('prospector-readonly');
  return (
    <section class="settings-section team-settings" aria-labelledby="team-title" data-testid="team-settings">
      <h2 id="team-title">{t('team_title')}</h2>
      <p class="muted">{t('team_help')}</p>
      {connected === null && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            run(true);
          }}
        >
          {field('url', t('team_server'), 'url')}
          {field('db', t('team_database'))}
          {field('user', t('team_user'), 'text', 'username')}
          {field('password', t('team_password'), 'password', 'current-password')}
          <div class="form-actions">
            <button type="button" data-testid="team-test" disabled={busy} onClick={() => run(false)}>
              {t('team_test')}
            </button>
            <button type="submit" class="primary" data-testid="team-connect" disabled={busy}>
              {t('team_connect')}
            </button>
          </div>
        </form>
      )}
      {connected && (
        <div data-testid="team-status">
          <p>
            <strong>{t('team_connectedAs', connected.user, `${connected.url} / ${connected.db}`)}</strong>
          </p>
          {readOnly && <p class="muted">{t('team_readOnly')}</p>}
          <p data-testid="team-sync-state" role="status">
            {status?.state === 'syncing' ? t('team_syncing') : status?.state === 'ok' ? t('team_upToDate') : ''}{' '}
            {status?.lastSyncedAt ? t('team_lastSynced', formatTime(status.lastSyncedAt)) : t('team_neverSynced')}
          </p>
          <p data-testid="team-pending">{t('team_pending', pending ?? 0)}</p>
          {status?.state === 'error' && status.error && (
            <p class="error" role="alert" data-testid="team-error">
              {syncErrorText(status.error)}{' '}
              {status.nextRetryAt ? t('team_retryAt', formatTime(status.nextRetryAt)) : ''}
            </p>
          )}
          {!!status?.refused.length && (
            <ul class="error" data-testid="team-refused">
              {status.refused.slice(0, 5).map((r) => (
                <li key={`${r.docId}-${r.at}`}>{t('team_refused', r.reason)}</li>
              ))}
            </ul>
          )}
          <div class="form-actions">
            <button type="button" data-testid="team-sync-now" onClick={() => void send('team.syncNow', {})}>
              {t('team_syncNow')}
            </button>
            <button type="button" data-testid="team-disconnect" onClick={disconnect}>
              {t('team_disconnect')}
            </button>
          </div>
          <small class="muted">{t('team_disconnectHelp')}</small>
        </div>
      )}
      {message && (
        <p class="muted" role="status" data-testid="team-message">
          {message}
        </p>
      )}
      {error && (
        <p class="error" role="alert" data-testid="team-form-error">
          {error}
        </p>
      )}
    </section>
  );
}
