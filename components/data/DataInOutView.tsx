import type { ViewProps } from '@/components/view-props';
import { t } from '@/lib/i18n';
import { BackupPanel } from './BackupPanel';
import { DemoPanel } from './DemoPanel';
import { ExportPanel } from './ExportPanel';
import { ImportWizard } from './ImportWizard';
import { WipePanel } from './WipePanel';

/** The options page's "Data" view: import, export, backup and restore, demo data, and deleting everything. */
export function DataInOutView({ settings }: ViewProps) {
  return (
    <div class="io-view">
      <section aria-labelledby="io-import-h" class="io-section">
        <h2 id="io-import-h">{t('io_importTitle')}</h2>
        <ImportWizard settings={settings} />
      </section>
      <section aria-labelledby="io-export-h" class="io-section">
        <h2 id="io-export-h">{t('io_exportTitle')}</h2>
        <ExportPanel />
      </section>
      <section aria-labelledby="io-backup-h" class="io-section">
        <h2 id="io-backup-h">{t('io_backupTitle')}</h2>
        <BackupPanel settings={settings} />
      </section>
      <section aria-labelledby="io-demo-h" class="io-section">
        <h2 id="io-demo-h">{t('io_demoTitle')}</h2>
        <DemoPanel />
      </section>
      <section aria-labelledby="io-wipe-h" class="io-section">
        <h2 id="io-wipe-h">{t('io_wipeTitle')}</h2>
        <WipePanel />
      </section>
    </div>
  );
}
