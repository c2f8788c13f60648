import type { ProspectorDb } from '../db/database';
import { withoutSyncField } from '../db/sync-field';
import type { Settings } from '../model';
import { BACKUP_FORMAT, BACKUP_TABLES, BACKUP_VERSION, headerLine, tableEnd, tableStart } from './backup-format';

const PAGE = 2000;

/**
 * The whole database as a backup file's parts (strings for a Blob), read in ONE read transaction so the backup
 * is a consistent snapshot even while the background keeps writing. Rows are read a page at a time by primary
 * key and stringified as they arrive: no single long task, and no one huge string.
 */
export async function backupParts(
  db: ProspectorDb,
  settings: Settings | null,
  now: number,
  onProgress?: (rows: number, total: number) => void,
): Promise<string[]> {
  const tables = BACKUP_TABLES.map((name) => db.table(name));
  return db.transaction('r', tables, async () => {
    const counts = { stages: 0, contacts: 0, deals: 0, activities: 0, tasks: 0, owners: 0, quotas: 0 };
    for (const name of BACKUP_TABLES) counts[name] = await db.table(name).count();
    const total = BACKUP_TABLES.reduce((n, name) => n + counts[name], 0);
    const parts = [headerLine({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now, counts, settings })];
    let done = 0;
    for (const [t, name] of BACKUP_TABLES.entries()) {
      parts.push(tableStart(name));
      const table = db.table(name);
      let last: string | null = null;
      let written = 0;
      for (;;) {
        const page: { id: string }[] = await (last === null ? table.orderBy(':id') : table.where(':id').above(last))
          .limit(PAGE)
          .toArray();
        if (!page.length) break;
        // A pulled record's sync state is this browser's bookkeeping, not the rep's data (lib/db/sync-field.ts).
        const lines = page.map((row) => JSON.stringify(withoutSyncField(row)));
        written += page.length;
        // Every record but the table's last ends with a comma; the count is known, so no look-ahead is needed.
        parts.push(lines.join(',\n') + (written < counts[name] ? ',\n' : '\n'));
        last = page.at(-1)!.id;
        done += page.length;
        onProgress?.(done, total);
      }
      parts.push(tableEnd(t === BACKUP_TABLES.length - 1));
    }
    return parts;
  });
}

export function backupFileName(now: number): string {
  const d = new Date(now);
  const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return `prospector-backup-${day}.json`;
}
