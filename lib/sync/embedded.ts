import { SYNC_FIELD } from '../db/sync-field';
import type { FieldTimes } from './field-times';
import type { SyncStateRow } from './sync-middleware';

/**
 * A record pulled from the server and not changed here since carries its sync state itself, under SYNC_FIELD,
 * instead of a row in `syncState`: a first pull of 10,000 deals wrote 55,000 sync rows, and IndexedDB's cost is per
 * request (each row's put cost its backend ~0.23 ms, ~12 s of a ~22 s pull: docs/team-sync.md). The state is the
 * server's revision and field times, so the record is clean (nothing to push) and its base is its times.
 *
 * The rule: **a sync row, when there is one, is the record's state**; the embedded one counts only without a row.
 * Every local write to a shared table makes a row (lib/sync/sync-middleware.ts, which starts from the embedded
 * state and drops it from the record), and so does connecting (lib/sync/controller.ts queueUnsynced, for every
 * record): an embedded state left from an earlier connection is never read.
 */
export interface EmbeddedSync {
  rev: string;
  times: FieldTimes;
}

/** The pulled record, as stored: with its revision and field times (changes `record`, fresh from the model). */
export function embedSync(record: Record<string, unknown>, rev: string, times: FieldTimes): Record<string, unknown> {
  record[SYNC_FIELD] = { rev, times } satisfies EmbeddedSync;
  return record;
}

function isEmbedded(v: unknown): v is EmbeddedSync {
  if (typeof v !== 'object' || v === null) return false;
  const { rev, times } = v as Partial<EmbeddedSync>;
  return typeof rev === 'string' && typeof times === 'object' && times !== null;
}

/** The sync state a stored record carries (as a clean sync row), or undefined. */
export function embeddedState(docId: string, record: Record<string, unknown> | undefined): SyncStateRow | undefined {
  const state = record?.[SYNC_FIELD];
  if (!isEmbedded(state)) return undefined;
  return { docId, rev: state.rev, dirty: 0, times: state.times, base: state.times, deleted: 0 };
}
