import type { ProspectorDb } from '../db/database';
import { newId } from '../model';
import { normaliseServerUrl, OFF_STATUS, type SyncStatus, type TeamTarget } from './config';
import { CouchClient, CouchError } from './couch';
import { SyncEngine } from './engine';
import { fieldsOf } from './field-times';
import { docIdOf, SYNCED_TABLES, type SyncedTable } from './kinds';
import type { SyncStateRow } from './sync-middleware';
import { syncIdentity } from './sync-middleware';
import { loadSyncStatus, loadTeamConfig, syncStatusItem, teamConfigItem } from './team-storage';

export interface ConnectionCheck {
  user: string;
  roles: string[];
  /** Documents in the team's database (a quick sign it is the right one). */
  docCount: number;
}

type Fetch = typeof fetch;

/**
 * Signs in and looks at the team's database. Throws CouchError: 'auth' (wrong user or password), 'forbidden'
 * (not a member), 'not-found' (no such database: run npm run team:setup), 'offline', 'server'.
 */
export async function checkConnection(target: TeamTarget, fetchFn?: Fetch): Promise<ConnectionCheck> {
  const client = new CouchClient({ ...target, url: normaliseServerUrl(target.url) }, fetchFn);
  const who = await client.login();
  const info = await client.request<{ doc_count?: number }>('GET', client.dbPath());
  return { user: who.name, roles: who.roles, docCount: typeof info.doc_count === 'number' ? info.doc_count : 0 };
}

/**
 * Every record with no sync row yet gets one, dirty, its fields dated from the record's own times: the first push
 * after connecting sends the rep's pipeline, and the field merge weighs it fairly against the team's copy.
 * Deals without an owner become the connected user's.
 */
export async function queueUnsynced(db: ProspectorDb, user: string): Promise<number> {
  let queued = 0;
  for (const table of Object.keys(SYNCED_TABLES) as SyncedTable[]) {
    const known = new Set(
      (await db.syncState.where('docId').startsWith(`${SYNCED_TABLES[table]}:`).primaryKeys()) as string[],
    );
    const rows: SyncStateRow[] = [];
    const unowned: Record<string, unknown>[] = [];
    await db.table(table).each((record: Record<string, unknown>) => {
      const docId = docIdOf(table, String(record.id));
      if (table === 'deals' && !record.owner) unowned.push({ ...record, owner: user });
      if (known.has(docId)) return;
      const at = Number(record.updatedAt ?? record.at ?? 0) || 1;
      const times = Object.fromEntries([...fieldsOf(record).keys()].map((f) => [f, at]));
      rows.push({ docId, rev: null, dirty: 1, times, deleted: 0 });
    });
    await db.syncState.bulkPut(rows);
    if (unowned.length) await db.deals.bulkPut(unowned as never[]);
    queued += rows.length;
  }
  return queued;
}

/**
 * The background's team sync: connection, the live engine, and the status the settings page shows. One per
 * service worker; `load()` runs before the first message is answered so every local write is tracked.
 */
export class TeamSync {
  private engine: SyncEngine | undefined;
  private client: CouchClient | undefined;
  private kickTimer: ReturnType<typeof setTimeout> | undefined;
  private statusQueue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: ProspectorDb,
    private readonly fetchFn?: Fetch,
  ) {
    syncIdentity.onLocalChange = () => {
      // A burst of writes (an import chunk, a capture of ten people) leaves as one push.
      if (!this.engine || this.kickTimer) return;
      this.kickTimer = setTimeout(() => {
        this.kickTimer = undefined;
        this.engine?.kick();
      }, 150);
    };
  }

  /** Status changes are applied one after another on what is stored. */
  report = (change: Partial<SyncStatus> | ((s: SyncStatus) => Partial<SyncStatus>)): Promise<void> => {
    const run = this.statusQueue.then(async () => {
      const current = await loadSyncStatus();
      const patch = typeof change === 'function' ? change(current) : change;
      await syncStatusItem.setValue({ ...current, ...patch });
    });
    this.statusQueue = run.catch(() => undefined);
    return run;
  };

  /** Reads the stored connection; starts tracking writes and the live sync when there is one. */
  async load(): Promise<void> {
    const config = await loadTeamConfig();
    syncIdentity.tracking = !!config;
    syncIdentity.user = config?.user ?? '';
    if (config) this.startEngine(config, config.deviceId);
  }

  private startEngine(target: TeamTarget, deviceId: string): void {
    if (this.engine) return;
    this.client = new CouchClient({ ...target, url: normaliseServerUrl(target.url) }, this.fetchFn);
    this.engine = new SyncEngine({
      db: this.db,
      client: this.client,
      user: target.user,
      replicationId: `prospector-${deviceId}`,
      report: this.report,
    });
    this.engine.start();
  }

  /** An alarm woke the worker: make sure the live sync runs (it stops with the worker). */
  async ensureRunning(): Promise<void> {
    if (!this.engine) await this.load();
  }

  async test(target: TeamTarget): Promise<ConnectionCheck> {
    return checkConnection(target, this.fetchFn);
  }

  /** Checks the credentials, stores them, queues the local pipeline for its first push and starts syncing. */
  async connect(target: TeamTarget): Promise<ConnectionCheck> {
    const check = await checkConnection(target, this.fetchFn);
    await this.stopEngine();
    const deviceId = newId();
    await teamConfigItem.setValue({ ...target, url: normaliseServerUrl(target.url), deviceId });
    await syncStatusItem.setValue({ ...OFF_STATUS, state: 'syncing', user: check.user, roles: check.roles });
    syncIdentity.tracking = true;
    syncIdentity.user = target.user;
    await queueUnsynced(this.db, target.user);
    this.startEngine(target, deviceId);
    return check;
  }

  /** Forgets the credentials and this browser's sync bookkeeping; the local pipeline stays as it is. */
  async disconnect(): Promise<void> {
    const client = this.client;
    await this.stopEngine();
    await client?.logout();
    syncIdentity.tracking = false;
    syncIdentity.user = '';
    await teamConfigItem.setValue(null);
    await syncStatusItem.setValue(OFF_STATUS);
    await this.db.transaction('rw', this.db.syncState, this.db.syncMeta, async () => {
      await this.db.syncState.clear();
      await this.db.syncMeta.clear();
    });
  }

  /** "Sync now": retry at once, even while waiting out a failure. */
  async syncNow(): Promise<void> {
    if (!this.engine) {
      await this.load();
      if (!this.engine) throw new CouchError('not-found', 0, 'Not connected to a team.');
    }
    this.engine.retryNow();
  }

  private async stopEngine(): Promise<void> {
    const engine = this.engine;
    this.engine = undefined;
    this.client = undefined;
    await engine?.stop();
  }
}
