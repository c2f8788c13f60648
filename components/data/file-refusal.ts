import { t } from '@/lib/i18n';
import type { FileKind } from '@/lib/io/file-kind';

type Refused = Extract<FileKind, { kind: 'refused' }>;

/** Why the import will not read this file, and what to choose instead, in the rep's words. */
export function importRefusal(name: string, file: Refused | { kind: 'backup' }): string {
  if (file.kind === 'backup') return t('io_refuseBackup', name);
  switch (file.what) {
    case 'empty':
      return t('io_refuseEmpty', name);
    case 'spreadsheet':
      return t('io_refuseSpreadsheet', name);
    case 'document':
      return t('io_refuseDocument', name, file.format ?? '');
    case 'image':
      return t('io_refuseImage', name, file.format ?? '');
    case 'archive':
      return t('io_refuseArchive', name);
    case 'binary':
      return t('io_refuseBinary', name);
    case 'json':
      return t('io_refuseJson', name);
    default:
      return t('io_refuseText', name);
  }
}

/** What a file that is not a backup is, for the restore's refusal: "a CSV file", "a picture (PNG)"… */
function kindWords(file: Exclude<FileKind, { kind: 'backup' }>): string {
  if (file.kind === 'csv') return t('io_kindCsv');
  if (file.kind === 'vcard') return t('io_kindVcard');
  switch (file.what) {
    case 'empty':
      return t('io_kindEmpty');
    case 'spreadsheet':
      return t('io_kindSpreadsheet');
    case 'document':
      return t('io_kindDocument', file.format ?? '');
    case 'image':
      return t('io_kindImage', file.format ?? '');
    case 'archive':
      return t('io_kindArchive');
    case 'binary':
      return t('io_kindBinary');
    case 'json':
      return t('io_kindJson');
    default:
      return t('io_kindText');
  }
}

/** Why the restore will not read this file; a list of contacts is pointed to the import. */
export function restoreRefusal(name: string, file: Exclude<FileKind, { kind: 'backup' }>): string {
  const said = t('io_refuseNotBackup', name, kindWords(file));
  return file.kind === 'csv' || file.kind === 'vcard' ? `${said} ${t('io_refuseUseImport')}` : said;
}
