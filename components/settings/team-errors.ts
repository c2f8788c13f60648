import { type MessageKey, t } from '@/lib/i18n';
import type { SyncErrorInfo } from '@/lib/sync/config';

const ERROR_KEYS: Record<SyncErrorInfo['kind'], MessageKey> = {
  auth: 'team_errAuth',
  forbidden: 'team_errForbidden',
  'not-found': 'team_errNotFound',
  conflict: 'team_errConflict',
  server: 'team_errServer',
  offline: 'team_errOffline',
  'bad-response': 'team_errBadResponse',
  other: 'team_errOther',
};

/** The rep's words for a sync failure (the server's own reason only where there is nothing better to say). */
export function syncErrorText(err: SyncErrorInfo): string {
  if (err.kind === 'server') return t('team_errServer', err.status || '?');
  if (err.kind === 'other') return t('team_errOther', err.message);
  return t(ERROR_KEYS[err.kind]);
}

/** A background answer "kind: reason" (lib/messaging/handlers.ts, teamCall) as the rep's words. */
export function teamCallErrorText(message: string): string {
  const at = message.indexOf(': ');
  const kind = at > 0 ? message.slice(0, at) : '';
  if (Object.hasOwn(ERROR_KEYS, kind) && kind !== 'other')
    return syncErrorText({ kind: kind as SyncErrorInfo['kind'], status: 0, message: message.slice(at + 2) });
  return t('team_errOther', message);
}
