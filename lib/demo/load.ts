import { followUpTask, type ProspectorDb } from '../db/database';
import type { DemoData } from './generate';

const CHUNK = 5000;

/** Writes generated data in chunks (one transaction each), so a large demo never holds one huge transaction. */
export async function loadDemo(db: ProspectorDb, data: DemoData): Promise<void> {
  // A demo deal's follow-up is a task too, so the follow-up list and reminders show it (lib/tasks/).
  const tasks = data.deals.filter((d) => d.followUpAt !== null).map((d) => followUpTask(d));
  const tables = [
    [db.contacts, data.contacts],
    [db.deals, data.deals],
    [db.activities, data.activities],
    [db.tasks, tasks],
  ] as const;
  for (const [table, rows] of tables) {
    for (let i = 0; i < rows.length; i += CHUNK) {
      // biome-ignore lint/suspicious/noExplicitAny: the three tables' row types are checked where they are built.
      await db.transaction('rw', table, () => (table as any).bulkPut(rows.slice(i, i + CHUNK)));
    }
  }
}
