import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { formatDate, formatNumber } from '@/lib/i18n/money';
import { BACKUP_TABLES } from '@/lib/io/backup-format';
import { backupFileName, backupParts } from '@/lib/io/backup-write';
import { sniffFile } from '@/lib/io/file-kind';
import { RESTORE_PORT } from '@/lib/io/restore-db';
import { commitBackup, discardBackup, type SendStep, type StagedBackup, stageBackup } from '@/lib/io/restore-send';
import { send } from '@/lib/messaging/client';
import type { Settings } from '@/lib/model';
import { readNow } from '@/lib/read/watch';
import { download, errorText } from './download';
import { restoreRefusal } from './file-refusal';

type State =
  | { kind: 'idle'; message?: string; error?: string }
  /** `restore`: a restore is being checked or swapped in, and leaving the page asks first. */
  | { kind: 'working'; label: string; done: number; total: number; restore?: boolean }
  | { kind: 'confirm'; staged: StagedBackup };

const sendStep: SendStep = (step) => send('backup.restore', step);

/**
 * A full JSON backup (every contact, deal, stage and activity, and the settings), and restoring one: the file is
 * read and checked completely first (its rows wait in staging), then — once the rep confirms — it replaces what
 * is stored, all at once.
 */
export function BackupPanel({ settings }: { settings: Settings }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const port = useRef<Browser.runtime.Port | null>(null);
  function endSession() {
    port.current?.disconnect();
    port.current = null;
  }

  async function backup() {
    setState({ kind: 'working', label: t('io_backupMaking'), done: 0, total: 1 });
    try {
      const now = Date.now();
      const parts = await readNow((db) =>
        backupParts(db, settings, now, (done, total) =>
          setState({ kind: 'working', label: t('io_backupMaking'), done, total }),
        ),
      );
      download(parts, backupFileName(now), 'application/json');
      setState({ kind: 'idle', message: t('io_backupDone') });
    } catch (err) {
      setState({ kind: 'idle', error: errorText(err) });
    }
  }

  // Leaving while a restore is checked or swapped in: the browser asks first. Nothing would be lost (the swap
  // is one transaction, staging is dropped), but the rep would not have the backup they asked for.
  const busy = state.kind === 'working' && state.restore === true;
  useEffect(() => {
    if (!busy) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = t('io_restoreLeaveWarning');
    };
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [busy]);

  /** Reads and checks the file once, its rows staged in the background as they are read (lib/io/restore-send.ts). */
  async function check(file: File) {
    // Only a Prospector backup is read: anything else is named and refused before it is parsed.
    const kind = await sniffFile(file);
    if (kind.kind !== 'backup') return setState({ kind: 'idle', error: restoreRefusal(file.name, kind) });
    const controller = new AbortController();
    abort.current = controller;
    setState({ kind: 'working', label: t('io_restoreChecking'), done: 0, total: file.size, restore: true });
    const session = crypto.randomUUID();
    // Held open until the restore ends: if this page goes, the background drops what was staged.
    port.current?.disconnect();
    port.current = browser.runtime.connect({ name: RESTORE_PORT + session });
    try {
      const staged = await stageBackup(
        file,
        sendStep,
        {
          signal: controller.signal,
          onProgress: (done, total) =>
            setState({ kind: 'working', label: t('io_restoreChecking'), done, total, restore: true }),
        },
        session,
      );
      setState({ kind: 'confirm', staged });
    } catch (err) {
      endSession();
      setState({ kind: 'idle', error: controller.signal.aborted ? undefined : errorText(err) });
    }
  }

  async function restore(staged: StagedBackup) {
    const total = BACKUP_TABLES.reduce((n, table) => n + staged.counts[table], 0);
    setState({ kind: 'working', label: t('io_restoring'), done: 0, total, restore: true });
    try {
      await commitBackup(sendStep, staged);
      endSession();
      setState({
        kind: 'idle',
        message: t('io_restoreDone', formatNumber(staged.counts.contacts), formatNumber(staged.counts.deals)),
      });
    } catch (err) {
      endSession();
      setState({ kind: 'idle', error: t('io_restoreFailed', errorText(err)) });
    }
  }

  function cancel(staged: StagedBackup) {
    void discardBackup(sendStep, staged.session);
    endSession();
    setState({ kind: 'idle' });
  }

  return (
    <div>
      <p class="muted">{t('io_backupHelp')}</p>
      {state.kind === 'idle' && (
        <div class="io-row">
          <button type="button" data-testid="backup-download" onClick={backup}>
            {t('io_backupButton')}
          </button>
          <label class="io-file">
            <span>{t('io_restoreButton')}</span>
            <input
              type="file"
              accept=".json,application/json"
              data-testid="restore-file"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (file) void check(file);
              }}
            />
          </label>
        </div>
      )}
      {state.kind === 'idle' && state.message && (
        <p role="status" data-testid="backup-message">
          {state.message}
        </p>
      )}
      {state.kind === 'idle' && state.error && (
        <p class="error" role="alert" data-testid="backup-error">
          {state.error}
        </p>
      )}
      {state.kind === 'working' && (
        <div>
          <progress max={state.total || 1} value={state.done} aria-label={state.label} /> <span>{state.label}</span>
        </div>
      )}
      {state.kind === 'confirm' && (
        <fieldset class="io-confirm" data-testid="restore-confirm-box">
          <legend>
            {t(
              'io_restoreQuestion',
              formatDate(state.staged.header.exportedAt),
              formatNumber(state.staged.counts.contacts),
              formatNumber(state.staged.counts.deals),
              formatNumber(state.staged.counts.activities),
            )}
          </legend>
          <p class="io-warning">{t('io_restoreWarning')}</p>
          <div class="io-row">
            <button type="button" class="io-danger" data-testid="restore-confirm" onClick={() => restore(state.staged)}>
              {t('io_restoreConfirm')}
            </button>
            <button type="button" data-testid="restore-cancel" onClick={() => cancel(state.staged)}>
              {t('io_cancel')}
            </button>
          </div>
        </fieldset>
      )}
    </div>
  );
}
