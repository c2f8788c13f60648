import { useRef, useState } from 'preact/hooks';
import { getDb } from '@/lib/db/database';
import { t } from '@/lib/i18n';
import { formatDate, formatNumber } from '@/lib/i18n/money';
import { BACKUP_TABLES, type BackupCounts, type BackupHeader } from '@/lib/io/backup-format';
import { readBackup, validateBackup } from '@/lib/io/backup-read';
import { backupFileName, backupParts } from '@/lib/io/backup-write';
import { RESTORE_BATCH } from '@/lib/io/restore-db';
import { send } from '@/lib/messaging/client';
import type { Settings } from '@/lib/model';
import { saveSettings } from '@/lib/settings/store';
import { download, errorText } from './download';

type State =
  | { kind: 'idle'; message?: string; error?: string }
  | { kind: 'working'; label: string; done: number; total: number }
  | { kind: 'confirm'; file: File; header: BackupHeader; counts: BackupCounts };

/**
 * A full JSON backup (every contact, deal, stage and activity, and the settings), and restoring one: the file is
 * read and checked completely first, then — once the rep confirms — it replaces what is stored.
 */
export function BackupPanel({ settings }: { settings: Settings }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);

  async function backup() {
    setState({ kind: 'working', label: t('io_backupMaking'), done: 0, total: 1 });
    try {
      const now = Date.now();
      const parts = await backupParts(getDb(), settings, now, (done, total) =>
        setState({ kind: 'working', label: t('io_backupMaking'), done, total }),
      );
      download(parts, backupFileName(now), 'application/json');
      setState({ kind: 'idle', message: t('io_backupDone') });
    } catch (err) {
      setState({ kind: 'idle', error: errorText(err) });
    }
  }

  async function check(file: File) {
    const controller = new AbortController();
    abort.current = controller;
    setState({ kind: 'working', label: t('io_restoreChecking'), done: 0, total: file.size });
    try {
      const { header, counts } = await validateBackup(file, {
        signal: controller.signal,
        onProgress: (done, total) => setState({ kind: 'working', label: t('io_restoreChecking'), done, total }),
      });
      setState({ kind: 'confirm', file, header, counts });
    } catch (err) {
      setState({ kind: 'idle', error: controller.signal.aborted ? undefined : errorText(err) });
    }
  }

  async function restore(file: File, header: BackupHeader, counts: BackupCounts) {
    const total = BACKUP_TABLES.reduce((n, table) => n + counts[table], 0);
    let done = 0;
    setState({ kind: 'working', label: t('io_restoring'), done, total });
    try {
      await send('backup.restore', { step: 'begin' });
      await readBackup(file, {
        rows: async (table, rows) => {
          for (let i = 0; i < rows.length; i += RESTORE_BATCH) {
            const slice = rows.slice(i, i + RESTORE_BATCH);
            // biome-ignore lint/suspicious/noExplicitAny: the background validates each row against its table's schema.
            await send('backup.restore', { step: table, rows: slice as any });
            done += slice.length;
            setState({ kind: 'working', label: t('io_restoring'), done, total });
          }
        },
      });
      if (header.settings) await saveSettings(header.settings);
      setState({
        kind: 'idle',
        message: t('io_restoreDone', formatNumber(counts.contacts), formatNumber(counts.deals)),
      });
    } catch (err) {
      setState({ kind: 'idle', error: t('io_restoreFailed', errorText(err)) });
    }
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
              formatDate(state.header.exportedAt),
              formatNumber(state.counts.contacts),
              formatNumber(state.counts.deals),
              formatNumber(state.counts.activities),
            )}
          </legend>
          <p class="io-warning">{t('io_restoreWarning')}</p>
          <div class="io-row">
            <button
              type="button"
              class="io-danger"
              data-testid="restore-confirm"
              onClick={() => restore(state.file, state.header, state.counts)}
            >
              {t('io_restoreConfirm')}
            </button>
            <button type="button" onClick={() => setState({ kind: 'idle' })}>
              {t('io_cancel')}
            </button>
          </div>
        </fieldset>
      )}
    </div>
  );
}
