/**
 * The key under which a record pulled from the team's server carries its own sync state (lib/sync/embedded.ts).
 * It is this browser's bookkeeping, never the rep's data: exports, backups and pushes leave it out (withoutSyncField).
 */
export const SYNC_FIELD = '_sync';

/** The record without its sync state (the same object when it has none). */
export function withoutSyncField<T extends object>(record: T): T {
  if (!Object.hasOwn(record, SYNC_FIELD)) return record;
  const { [SYNC_FIELD]: _, ...rest } = record as Record<string, unknown>;
  return rest as T;
}
