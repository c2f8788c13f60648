import type { ErrorPart } from '../errors/app-error';
import type { MessageKey } from '../i18n';
import type { SyncErrorInfo } from './config';

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

/**
 * A sync failure as an i18n key and its values, for the rep's words (lib/errors): the server's own reason only
 * where there is nothing better to say.
 */
export function syncErrorPart(err: SyncErrorInfo): ErrorPart {
  if (err.kind === 'server') return { key: ERROR_KEYS.server, params: [String(err.status || '?')] };
  if (err.kind === 'other') return { key: ERROR_KEYS.other, params: [err.message] };
  return { key: ERROR_KEYS[err.kind], params: [] };
}
