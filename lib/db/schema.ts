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
 * v4: a third derived table, `forecastIndex`, the forecast's compact copy of every deal (lib/db/forecast-index.ts):
 * the report worker reads it instead of the deals, several times faster at 100,000 deals.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  forecastIndex: 'id',
};
