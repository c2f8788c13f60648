import type { ProspectorDb } from '@/lib/db/database';
import { embeddedState } from '@/lib/sync/embedded';
import { docIdOf, type SyncedTable } from '@/lib/sync/kinds';
import type { SyncStateRow } from '@/lib/sync/sync-middleware';

/** The sync state of some records, in their order: each one's row, or else the state it carries (undefined: none). */
export async function syncStatesOf(
  db: ProspectorDb,
  table: SyncedTable,
  ids: readonly string[],
): Promise<(SyncStateRow | undefined)[]> {
  const docIds = ids.map((id) => docIdOf(table, id));
  const [rows, records] = await Promise.all([db.syncState.bulkGet(docIds), db.table(table).bulkGet([...ids])]);
  return rows.map((row, i) => row ?? embeddedState(docIds[i]!, records[i]));
}
