/**
 * The database's name and version, in a module of their own: the options page's first module reads IndexedDB
 * directly (lib/read/board-early.ts) and must not load Dexie to learn them.
 */
export const DB_NAME = 'prospector';

/** The schema version lib/db/database.ts declares last (tests/unit/db/migration.test.ts keeps them equal). */
export const DB_VERSION = 13;

/** IndexedDB's own version number for it: Dexie opens the database at its version times ten. */
export const NATIVE_VERSION = DB_VERSION * 10;
