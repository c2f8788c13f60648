import Dexie, { type DexieOptions, type EntityTable, type Table, type Transaction } from 'dexie';
import { linkedinKey, nameKey } from '../identity/keys';
import type { Activity, Contact, Deal, Stage, Task } from '../model';
import type { Owner, Quota } from '../model/owner';
import { ownersFromNames } from '../model/owner-list';
import { bantOnWriteMiddleware } from '../pipeline/bant-on-write';
import { type SyncMetaRow, type SyncStateRow, syncMiddleware } from '../sync/sync-middleware';
import { type ContactIndexRow, contactIndexRow } from './contact-index';
import { type DealIndexRow, dealIndexRow } from './deal-index';
import { derivedIndexMiddleware } from './derived-index';
import { type ForecastIndexRow, forecastIndexRow } from './forecast-index';
import { DB_NAME } from './names';
import {
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
  SCHEMA_V7,
  SCHEMA_V8,
  SCHEMA_V10,
  SCHEMA_V11,
  SCHEMA_V13,
} from './schema';
import { type StageTotalsRow, totalsFromRows } from './stage-totals';

/** One row of a backup waiting in staging: `row` is the record as it will be written to `table`. */
export interface StagedRow {
  session: string;
  table: string;
  id: string;
  row: { id: string };
}

export { DB_NAME } from './names';

export class ProspectorDb extends Dexie {
  contacts!: EntityTable<Contact, 'id'>;
  deals!: EntityTable<Deal, 'id'>;
  stages!: EntityTable<Stage, 'id'>;
  activities!: EntityTable<Activity, 'id'>;
  /** Follow-ups (lib/tasks/): write them through lib/tasks/, which keeps each deal's next follow-up in step. */
  tasks!: EntityTable<Task, 'id'>;
  /** Derived from contacts on every write (lib/db/contact-index.ts); read it, never write it. */
  contactIndex!: EntityTable<ContactIndexRow, 'id'>;
  /** The board's compact copy of each deal (lib/db/deal-index.ts); read it, never write it. */
  dealIndex!: EntityTable<DealIndexRow, 'id'>;
  /** The forecast's compact copy of each deal (lib/db/forecast-index.ts); read it, never write it. */
  forecastIndex!: EntityTable<ForecastIndexRow, 'id'>;
  /** Each stage's count and sums for the board's headers (lib/db/stage-totals.ts); read it, never write it. */
  stageTotals!: EntityTable<StageTotalsRow, 'stageId'>;
  /** A backup being restored, until it is swapped in whole (lib/io/restore-db.ts); empty otherwise. */
  restoreStaging!: Table<StagedRow, [string, string, string]>;
  /** The team's deal owners (lib/model/owner.ts). */
  owners!: EntityTable<Owner, 'id'>;
  /** Sales targets per owner (or the team) per month or quarter. */
  quotas!: EntityTable<Quota, 'id'>;
  /** Each record's place in the team sync (lib/sync/sync-middleware.ts): its _rev, field times, dirty flag. */
  syncState!: EntityTable<SyncStateRow, 'docId'>;
  /** The team sync's checkpoint and counters (lib/sync/replicator.ts). */
  syncMeta!: EntityTable<SyncMetaRow, 'key'>;

  constructor(name = DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
    this.version(3).stores(SCHEMA_V3).upgrade(upgradeToV3);
    this.version(4).stores(SCHEMA_V4).upgrade(upgradeToV4);
    this.version(5).stores(SCHEMA_V5).upgrade(upgradeToV5);
    this.version(7).stores(SCHEMA_V7).upgrade(upgradeToV7);
    // v8 only adds the sync tables, empty: a record gets its sync row when it is first written or when the rep
    // connects to a team. Versions 6 and 9 were other changes' numbers, unused (gaps are fine in Dexie).
    this.version(8).stores(SCHEMA_V8);
    this.version(10).stores(SCHEMA_V10);
    this.version(11).stores(SCHEMA_V11).upgrade(upgradeToV11);
    this.version(13).stores(SCHEMA_V13).upgrade(upgradeToV13);
    this.use(derivedIndexMiddleware);
    this.use(syncMiddleware);
    // Above the other two, so the deals it writes are indexed and synced like any other write.
    this.use(bantOnWriteMiddleware);
  }
}

/**
 * v1 deals had no stage history on them: rebuild it from their stage-changed activities. The deal entered the
 * stage the first move left (or its current stage, if it never moved) when it was created.
 */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const moves = new Map<string, { from: string; to: string; at: number }[]>();
  await tx
    .table('activities')
    .where('type')
    .equals('stage-changed')
    .each((a: Activity) => {
      const { from, to } = a.payload;
      if (!a.dealId || typeof from !== 'string' || typeof to !== 'string') return;
      const list = moves.get(a.dealId) ?? [];
      list.push({ from, to, at: a.at });
      moves.set(a.dealId, list);
    });
  await tx
    .table('deals')
    .toCollection()
    .modify((deal: Deal) => {
      const list = (moves.get(deal.id) ?? []).sort((a, b) => a.at - b.at);
      const createdIn = list[0]?.from ?? deal.stageId;
      deal.stageEntries = [
        { stageId: createdIn, at: deal.createdAt },
        ...list.map((m) => ({ stageId: m.to, at: m.at })),
      ];
      deal.followUpAt ??= null;
    });
}

/** v3 adds the derived index tables: built here for every contact and deal already stored. */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  const contacts: ContactIndexRow[] = [];
  await tx
    .table('contacts')
    .toCollection()
    .each((c: Contact) => {
      contacts.push(contactIndexRow(c));
    });
  await tx.table('contactIndex').bulkPut(contacts);
  const deals: DealIndexRow[] = [];
  await tx
    .table('deals')
    .toCollection()
    .each((d: Deal) => {
      deals.push(dealIndexRow(d));
    });
  await tx.table('dealIndex').bulkPut(deals);
}

/**
 * v4 adds the forecast's rows and the stage totals, and the board rows gain the time each deal entered its
 * stage: all built here for every deal already stored.
 */
export async function upgradeToV4(tx: Transaction): Promise<void> {
  const rows: ForecastIndexRow[] = [];
  const board: DealIndexRow[] = [];
  await tx
    .table('deals')
    .toCollection()
    .each((d: Deal) => {
      rows.push(forecastIndexRow(d));
      board.push(dealIndexRow(d));
    });
  await tx.table('forecastIndex').bulkPut(rows);
  await tx.table('dealIndex').bulkPut(board);
  await tx.table('stageTotals').bulkPut([...totalsFromRows(board).values()]);
}

/**
 * v5 recomputes the keys a contact is found by (issue #14: "Orbital Freight Pte. Ltd." and "Orbital Freight"
 * had different keys, so a later capture made a second contact), and its search row in the same transaction.
 * A row without the fields a key is made from (a hand-made or very old backup) keeps the key it has.
 */
export async function upgradeToV5(tx: Transaction): Promise<void> {
  const rows: ContactIndexRow[] = [];
  await tx
    .table('contacts')
    .toCollection()
    .modify((c: Contact) => {
      if (typeof c.name === 'string' && typeof c.company === 'string') c.nameKey = nameKey(c.name, c.company);
      const li = linkedinKey(c.urls?.linkedin ?? '');
      if (li) c.linkedinKey = li;
      rows.push(contactIndexRow(c));
    });
  await tx.table('contactIndex').bulkPut(rows);
}

/**
 * v7: the forecast's rows gain each deal's owner and whether its contact is the import's placeholder (rebuilt for
 * every deal), and the owners list starts from the names the deals carry.
 */
export async function upgradeToV7(tx: Transaction): Promise<void> {
  const rows: ForecastIndexRow[] = [];
  const names: string[] = [];
  await tx
    .table('deals')
    .toCollection()
    .each((d: Deal) => {
      rows.push(forecastIndexRow(d));
      if (d.owner) names.push(d.owner);
    });
  await tx.table('forecastIndex').bulkPut(rows);
  await tx.table('owners').bulkPut(ownersFromNames(names));
}

/** v11: each deal's one follow-up becomes its first task, so nothing the rep planned is lost. */
export async function upgradeToV11(tx: Transaction): Promise<void> {
  const tasks: Task[] = [];
  await tx
    .table('deals')
    .toCollection()
    .each((d: Deal) => {
      if (d.followUpAt === null || d.followUpAt === undefined) return;
      const open = d.deletedAt === null || d.deletedAt === undefined;
      tasks.push(followUpTask(d, open));
    });
  await tx.table('tasks').bulkPut(tasks);
}

/** v13: every board row again, now with the confirmed BANT parts (lib/db/deal-index.ts packBoardBant). */
export async function upgradeToV13(tx: Transaction): Promise<void> {
  const rows: DealIndexRow[] = [];
  await tx
    .table('deals')
    .toCollection()
    .each((d: Deal) => {
      rows.push(dealIndexRow(d));
    });
  await tx.table('dealIndex').bulkPut(rows);
}

/** The task standing for a deal's follow-up as stored before tasks existed (also the demo's). */
export function followUpTask(d: Deal, open = true): Task {
  return {
    id: `fu-${d.id}`,
    contactId: d.contactId,
    dealId: d.id,
    type: 'task',
    title: d.followUpNote ?? '',
    dueAt: d.followUpAt!,
    openDue: open ? d.followUpAt : null,
    doneAt: null,
    createdAt: d.updatedAt,
    updatedAt: d.updatedAt,
    deletedAt: null,
  };
}

let shared: ProspectorDb | undefined;
/** The extension's one database. Extension pages and the background share it; content scripts never open it. */
export function getDb(): ProspectorDb {
  shared ??= new ProspectorDb();
  return shared;
}
