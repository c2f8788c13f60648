/**
 * Every schema version the database has had, oldest first. Never edit a shipped version: add a new one with an
 * upgrade. tests/unit/db/migration.test.ts opens a database at each older version and checks every row survives.
 */
export const SCHEMA_V1 = {
  contacts: 'id, *emails, linkedinKey, nameKey, updatedAt, createdAt',
  deals: 'id, contactId, stageId, expectedClose, updatedAt',
  stages: 'id, order',
  activities: 'id, [contactId+at], dealId, at, type',
};

/** v2: deals carry their stage history (stageEntries) and follow-up index; contacts are searchable by tag. */
export const SCHEMA_V2 = {
  contacts: 'id, *emails, linkedinKey, nameKey, updatedAt, createdAt, *tags',
  deals: 'id, contactId, stageId, expectedClose, updatedAt, createdAt, closedAt, followUpAt',
  stages: 'id, order',
  activities: 'id, [contactId+at], dealId, at, type',
};

/**
 * v3: the options page at 100,000 contacts. Two derived tables, kept current by lib/db/derived-index.ts on
 * every write: `contactIndex` answers name/company/email prefix search and the contacts table's sort orders;
 * `dealIndex` is the board's compact copy of each live deal, by stage. `deletedAt` lists the soft-deleted rows
 * (IndexedDB leaves null keys out of an index, so it holds the deleted ones only).
 */
export const SCHEMA_V3 = {
  contacts: 'id, *emails, linkedinKey, nameKey, updatedAt, createdAt, *tags, deletedAt',
  deals: 'id, contactId, stageId, expectedClose, updatedAt, createdAt, closedAt, followUpAt, deletedAt',
  stages: 'id, order',
  activities: 'id, [contactId+at], dealId, at, type',
  contactIndex: 'id, *words, sortName, sortCompany, *phones',
  dealIndex: 'id, stageId',
};

/**
 * v4: what the board's and the forecast's first screens read at 100,000 deals, all derived on every write by
 * lib/db/derived-index.ts. `forecastIndex`: the forecast's compact copy of every deal (lib/db/forecast-index.ts),
 * which the report worker reads instead of the deals. `stageTotals`: each stage's count and sums, for the
 * board's column headers (lib/db/stage-totals.ts). `dealIndex` gains `[stageId+e]` (e: when the deal entered its
 * stage), so a column's first cards in the board's default order are an index range, not the whole column.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  dealIndex: 'id, stageId, [stageId+e]',
  forecastIndex: 'id',
  stageTotals: 'stageId',
};

/**
 * v5: no new store. The dedupe keys changed (lib/identity: one list of legal forms, stripped word by word at
 * either end of a company's name), so its upgrade recomputes every contact's `nameKey` and search row. It declares
 * nothing: Dexie keeps every table as v4 declared it.
 */
export const SCHEMA_V5 = {};

/**
 * v10: `restoreStaging`, where a backup being restored waits until it is whole and checked
 * (lib/io/restore-db.ts). Rows are keyed by the restore's session, their table and id; the swap into the real
 * tables is one transaction, so an interrupted restore leaves the store as it was. Empty between restores. Only
 * the new table is declared (Dexie keeps the others as the version before declared them).
 */
export const SCHEMA_V10 = {
  restoreStaging: '[session+table+id]',
};

/**
 * v8: team sync (lib/sync). `syncState`: one row per record shared with the team's CouchDB, keyed by its
 * document id (kind + ':' + id), holding the server's `_rev`, the time each field last changed here, and `dirty`
 * (1: a local change not pushed yet; IndexedDB cannot index booleans). Written by lib/sync/sync-middleware.ts in
 * the same transaction as every local write. `syncMeta`: the replication's checkpoint and counters, by key.
 */
export const SCHEMA_V8 = {
  syncState: 'docId, dirty',
  syncMeta: 'key',
};

/**
 * v11: follow-ups become tasks, several per contact or deal (lib/tasks/). `openDue` indexes only the open ones
 * (null once done); a deal's `followUpAt` stays as the due time of its next open task, kept by lib/tasks/.
 * Only the new table is declared: Dexie keeps every other table's schema as the version before declared it.
 */
export const SCHEMA_V11 = {
  tasks: 'id, contactId, dealId, openDue',
};

/**
 * v7 (issue 13): the team's owners and their quotas. `owners`: the list of reps (lib/model/owner.ts), deals name
 * theirs by `name`; `quotas`: a target per owner (or the team, ownerId null) per month or quarter. Only the new
 * tables are listed: Dexie keeps every table a version does not mention, so versions added alongside (5, 6)
 * merge without touching this one. The forecast's rows (forecastIndex) gain the owner and a placeholder flag:
 * the upgrade rebuilds them.
 */
export const SCHEMA_V7 = {
  owners: 'id, name',
  quotas: 'id, ownerId, period',
};

/**
 * v13: no new store. The board's deal rows (dealIndex) gain which BANT parts the rep confirmed, so a card says
 * "BANT 50 · 1 of 4 confirmed": the upgrade rebuilds every row from its deal. Declares nothing (Dexie keeps
 * every table as before); v12 is another change's number.
 */
export const SCHEMA_V13 = {};
