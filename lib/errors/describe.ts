import { type MessageKey, t } from '../i18n';
import type { ErrorPart } from './app-error';

/** Parts a message reply or a thrown error carries, if any: an AppError's, or a MessageError's from the background. */
function partsOf(err: unknown): ErrorPart[] | undefined {
  const parts = (err as { parts?: unknown } | null)?.parts;
  return Array.isArray(parts) && parts.length ? (parts as ErrorPart[]) : undefined;
}

/** Words for the message router's own refusals, which carry a code and no parts. */
const CODE_KEYS: Record<string, MessageKey> = {
  invalid: 'error_invalidRequest',
  forbidden: 'error_invalidRequest',
  'unknown-type': 'error_invalidRequest',
  'no-answer': 'error_noAnswer',
};

/**
 * Any error, in words for the rep in the current language: an AppError's own sentences; the router's refusals in
 * general words; anything else (a bug, a browser failure) as "Something went wrong" with its text for a report.
 */
export function describeError(err: unknown): string {
  const parts = partsOf(err);
  if (parts) return parts.map((p) => t(p.key, ...p.params)).join(' ');
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && CODE_KEYS[code]) return t(CODE_KEYS[code]);
  const text = err instanceof Error ? err.message : String(err);
  return t('error_unexpected', text.slice(0, 300));
}
