import type { ProspectorDb } from '../db/database';
import type { DemoData } from './generate';

const CHUNK = 5000;

/** Writes generated data in chunks (one transaction each), so a large demo never holds one huge transaction. */
export async function loadDemo(db: ProspectorDb, data: DemoData): Promise<void> {
  const tables = [
    [db.contacts, data.contacts],
    [db.deals, data.deals],
    [db.activities, data.activities],
  ] as const;
  for (const [table, rows] of tables) {
    for (let i = 0; i < rows.length; i += CHUNK) {
      // biome-ignore lint/suspicious/noExplicitAny: the three tables' row types are checked where they are built.
      await db.transaction('rw', table, () => (table as any).bulkPut(rows.slice(i, i + CHUNK)));
    }
  }
}
