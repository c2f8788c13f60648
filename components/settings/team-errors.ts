import { t } from '@/lib/i18n';
import type { SyncErrorInfo } from '@/lib/sync/config';
import { syncErrorPart } from '@/lib/sync/error-words';

/** The rep's words for the background's last sync failure (stored in the sync status). */
export function syncErrorText(err: SyncErrorInfo): string {
  const { key, params } = syncErrorPart(err);
  return t(key, ...params);
}
