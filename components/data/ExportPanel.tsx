import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { exportAllCsv, exportAllVcard } from '@/lib/io/export-all';
import { readNow } from '@/lib/read/watch';
import { download, errorText, today } from './download';

/** Every contact and deal as CSV (columns CRMs import), or every contact as vCard 4.0. */
export function ExportPanel() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  async function run(kind: 'csv' | 'vcard') {
    setBusy(true);
    setError('');
    try {
      if (kind === 'csv')
        download(['\uFEFF', ...(await readNow(exportAllCsv))], `prospector-${today()}.csv`, 'text/csv');
      else download(await readNow(exportAllVcard), `prospector-${today()}.vcf`, 'text/vcard');
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div>
      <p class="muted">{t('io_exportHelp')}</p>
      <div class="io-row">
        <button type="button" data-testid="export-csv" disabled={busy} onClick={() => run('csv')}>
          {t('io_exportCsv')}
        </button>
        <button type="button" data-testid="export-vcard" disabled={busy} onClick={() => run('vcard')}>
          {t('io_exportVcard')}
        </button>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
