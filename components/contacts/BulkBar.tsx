import { useState } from 'preact/hooks';
import { describeError } from '@/lib/errors';
import { t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/money';
import { contactsToCsv } from '@/lib/io/csv-export';
import { contactsToVcard } from '@/lib/io/vcard-export';
import { send } from '@/lib/messaging/client';
import type { Settings, Stage } from '@/lib/model';
import { contactRows } from '@/lib/read/contacts';
import { readNow } from '@/lib/read/watch';
import { downloadText } from './download';
import { UndoBar } from './UndoBar';

export interface BulkBarProps {
  selection: readonly string[];
  stages: readonly Stage[];
  settings: Settings;
  total: number;
  onClear: () => void;
  onSelectAll?: () => void;
}

/** The selected contacts and their live deals, read when an export asks for them. */
async function selectedRecords(ids: readonly string[]) {
  const rows = await readNow((db) => contactRows(db, ids));
  return { contacts: rows.map((r) => r.contact), deals: rows.flatMap((r) => r.deals) };
}

/** What can be done to the selected contacts: move their deals, tag, export, delete (soft, with undo). */
export function BulkBar({ selection, stages, total, onClear, onSelectAll }: BulkBarProps) {
  const [stageId, setStageId] = useState('');
  const [tag, setTag] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [undo, setUndo] = useState<{ ids: string[]; count: number } | null>(null);
  const n = selection.length;

  async function run(action: () => Promise<string>) {
    setBusy(true);
    setError('');
    setStatus('');
    try {
      setStatus(await action());
    } catch (err) {
      setError(t('contacts_actionFailed', describeError(err)));
    } finally {
      setBusy(false);
    }
  }

  const stamp = new Date().toISOString().slice(0, 10);
  return (
    <>
      {n > 0 && (
        <section class="bulk-bar" aria-label={t('contacts_bulkLabel')} data-testid="bulk-bar">
          <strong>{t('contacts_selected', formatNumber(n))}</strong>
          {onSelectAll && (
            <button type="button" onClick={onSelectAll}>
              {t('contacts_selectAllN', formatNumber(total))}
            </button>
          )}
          <button type="button" onClick={onClear}>
            {t('contacts_clearSelection')}
          </button>
          <button
            type="button"
            data-testid="bulk-start-deal"
            disabled={busy}
            onClick={() =>
              run(async () => {
                const r = await send('contacts.startDeal', { contactIds: [...selection] });
                return t('contacts_dealsStarted', formatNumber(r.started), formatNumber(r.already));
              })
            }
          >
            {t('contacts_startDeal')}
          </button>
          <span class="bulk-group">
            <select
              aria-label={t('contacts_moveToStage')}
              data-testid="bulk-stage"
              value={stageId}
              onChange={(e) => setStageId(e.currentTarget.value)}
            >
              <option value="">{t('contacts_moveToStage')}</option>
              {stages.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              data-testid="bulk-move"
              disabled={busy || !stageId}
              onClick={() =>
                run(async () => {
                  const r = await send('contacts.moveStage', { contactIds: [...selection], stageId });
                  return t('contacts_moved', formatNumber(r.moved + r.created));
                })
              }
            >
              {t('contacts_move')}
            </button>
          </span>
          <span class="bulk-group">
            <input
              type="text"
              aria-label={t('board_tag')}
              placeholder={t('board_tag')}
              data-testid="bulk-tag"
              value={tag}
              maxLength={100}
              onInput={(e) => setTag(e.currentTarget.value)}
            />
            <button
              type="button"
              data-testid="bulk-tag-add"
              disabled={busy || !tag.trim()}
              onClick={() =>
                run(async () => {
                  const r = await send('contacts.tag', { contactIds: [...selection], tag });
                  return t('contacts_tagged', formatNumber(r.changed));
                })
              }
            >
              {t('contacts_addTag')}
            </button>
            <button
              type="button"
              disabled={busy || !tag.trim()}
              onClick={() =>
                run(async () => {
                  const r = await send('contacts.tag', { contactIds: [...selection], tag, remove: true });
                  return t('contacts_untagged', formatNumber(r.changed));
                })
              }
            >
              {t('contacts_removeTag')}
            </button>
          </span>
          <span class="bulk-group">
            <button
              type="button"
              data-testid="bulk-export-csv"
              disabled={busy}
              onClick={() =>
                run(async () => {
                  const { contacts, deals } = await selectedRecords(selection);
                  downloadText(
                    `prospector-contacts-${stamp}.csv`,
                    [contactsToCsv(contacts, deals, stages)],
                    'text/csv',
                  );
                  return t('contacts_exported', formatNumber(contacts.length));
                })
              }
            >
              {t('contacts_exportCsv')}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                run(async () => {
                  const { contacts } = await selectedRecords(selection);
                  downloadText(`prospector-contacts-${stamp}.vcf`, [contactsToVcard(contacts)], 'text/vcard');
                  return t('contacts_exported', formatNumber(contacts.length));
                })
              }
            >
              {t('contacts_exportVcard')}
            </button>
          </span>
          <button
            type="button"
            class="danger"
            data-testid="bulk-delete"
            disabled={busy}
            onClick={() =>
              run(async () => {
                const ids = [...selection];
                const r = await send('contacts.delete', { contactIds: ids });
                setUndo({ ids, count: r.deleted });
                onClear();
                return '';
              })
            }
          >
            {t('contacts_delete')}
          </button>
          <span role="status" class="muted">
            {status}
          </span>
          {error && (
            <span role="alert" class="error">
              {error}
            </span>
          )}
        </section>
      )}
      {undo && <UndoBar ids={undo.ids} count={undo.count} onDone={() => setUndo(null)} />}
    </>
  );
}
