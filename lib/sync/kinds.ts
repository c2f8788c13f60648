/**
 * What the team shares: one CouchDB document per record, `_id` = kind + ':' + the record's id. Personal settings
 * never sync (they live in browser.storage, not in these tables).
 */
export const SYNCED_TABLES = {
  contacts: 'contact',
  deals: 'deal',
  activities: 'activity',
  /** Follow-ups (lib/tasks/). */
  tasks: 'task',
  stages: 'stage',
} as const;

export type SyncedTable = keyof typeof SYNCED_TABLES;
export type SyncKind = (typeof SYNCED_TABLES)[SyncedTable];

const TABLE_OF: Record<SyncKind, SyncedTable> = {
  contact: 'contacts',
  deal: 'deals',
  activity: 'activities',
  task: 'tasks',
  stage: 'stages',
};

export function isSyncedTable(name: string): name is SyncedTable {
  return Object.hasOwn(SYNCED_TABLES, name);
}

export function docIdOf(table: SyncedTable, id: string): string {
  return `${SYNCED_TABLES[table]}:${id}`;
}

/** The table and record id of a document id, or null for anything else (design docs, foreign documents). */
export function parseDocId(docId: string): { table: SyncedTable; kind: SyncKind; id: string } | null {
  const at = docId.indexOf(':');
  if (at <= 0) return null;
  const kind = docId.slice(0, at) as SyncKind;
  if (!Object.hasOwn(TABLE_OF, kind)) return null;
  const id = docId.slice(at + 1);
  return id ? { table: TABLE_OF[kind], kind, id } : null;
}
