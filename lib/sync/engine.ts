import type { ProspectorDb } from '../db/database';
import type { SyncErrorInfo, SyncStatus } from './config';
import { type CouchClient, CouchError } from './couch';
import { pullAll, pullPage, push, saveServerCheckpoint } from './replicator';

export interface EngineDeps {
  db: ProspectorDb;
  client: CouchClient;
  user: string;
  replicationId: string;
  /** Merges a change into the stored status. */
  report: (change: Partial<SyncStatus> | ((s: SyncStatus) => Partial<SyncStatus>)) => Promise<void>;
  now?: () => number;
  /** How long a longpoll waits for the next change before it asks again. */
  liveTimeoutMs?: number;
}

/** Waits after a failure: 1 s, 2 s, 4 s… up to 5 minutes, a little jitter so a team's browsers spread out. */
export function backoffMs(failures: number): number {
  const base = Math.min(300_000, 1000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.9 + Math.random() * 0.2));
}

export function errorInfo(err: unknown): SyncErrorInfo {
  if (err instanceof CouchError) return { kind: err.kind, status: err.status, message: err.message.slice(0, 1000) };
  return { kind: 'other', status: 0, message: (err instanceof Error ? err.message : String(err)).slice(0, 1000) };
}

/**
 * The live sync: push what changed here, pull what changed there, then wait on a longpoll for the next change.
 * Local writes `kick()` it (cutting a longpoll short) so a change leaves within a moment. Failures are reported
 * and retried with backoff; a restart of the service worker starts it again from the checkpoint stored with the
 * rows. Nothing here blocks the pages: they read IndexedDB, which this only writes in short transactions.
 */
export class SyncEngine {
  private running = false;
  private wake: AbortController = new AbortController();
  private failures = 0;
  private loop: Promise<void> | undefined;
  /** Waiting out a failure: local changes wait too (they are queued), only "Sync now" cuts it short. */
  private backingOff = false;

  constructor(private readonly deps: EngineDeps) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake.abort();
    await this.loop;
  }

  /** Something changed here: push now instead of after the longpoll (unless waiting out a failure). */
  kick(): void {
    if (!this.backingOff) this.wake.abort();
  }

  /** The rep asked: try now, even while waiting out a failure. */
  retryNow(): void {
    this.wake.abort();
  }

  /** One full round, for tests and "Sync now": push, then pull until caught up. */
  async syncOnce(): Promise<void> {
    const { db, client, user, report } = this.deps;
    const now = this.deps.now ?? Date.now;
    const pushed = await push(db, client, user);
    await pullAll(db, client);
    if (pushed.refused.length) {
      const at = now();
      await report((s) => ({
        refused: [...pushed.refused.map((r) => ({ ...r, at })), ...s.refused].slice(0, 20),
      }));
    }
    const since = (await db.syncMeta.get('since'))?.value;
    if (typeof since === 'string') await saveServerCheckpoint(client, this.deps.replicationId, since);
    await report({ state: 'ok', lastSyncedAt: now(), error: null, nextRetryAt: null });
  }

  private async run(): Promise<void> {
    const { db, client } = this.deps;
    const now = this.deps.now ?? Date.now;
    while (this.running) {
      if (this.wake.signal.aborted) this.wake = new AbortController();
      const signal = this.wake.signal;
      try {
        await this.deps.report({ state: 'syncing' });
        await this.syncOnce();
        this.failures = 0;
        // Live: wait for the next change on the server, or a kick from here.
        const page = await pullPage(db, client, { live: true, timeoutMs: this.deps.liveTimeoutMs, signal });
        if (page.applied) await this.deps.report({ lastSyncedAt: now() });
      } catch (err) {
        if (signal.aborted || !this.running) continue;
        this.failures++;
        const wait = backoffMs(this.failures);
        await this.deps.report({ state: 'error', error: errorInfo(err), nextRetryAt: now() + wait });
        this.backingOff = true;
        await sleep(wait, signal);
        this.backingOff = false;
      }
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
