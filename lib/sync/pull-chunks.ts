import type { ProspectorDb } from '../db/database';
import { applyRemoteDocs, type SyncRowLookup } from './apply-remote';
import { IncomingDoc } from './documents';
import { giveWayLeft, onGiveWay } from './give-way';

/**
 * How long one local write transaction should hold its tables: the popup's and the board's reads of the same
 * tables wait for it. Chunks are sized to it from the time the previous ones took per document (a busy machine
 * writes fewer per transaction), between MIN_CHUNK and MAX_CHUNK documents. 30 ms rather than 60: a popup opened
 * during a pull waits for what is left of the one running (lib/sync/give-way.ts), and the pull's time alone stayed
 * within its spread (scripts/profile-pull.ts, 10,000 deals, builds taking turns: 18.3, 17.1 and 16.5 s, against
 * 17.2 and 16.7 s at 60 ms; docs/team-sync.md).
 */
export const CHUNK_BUDGET_MS = 30;
export const MIN_CHUNK = 50;
export const MAX_CHUNK = 500;
const FIRST_CHUNK = 100;

/** How one pull writes: the size of its next write transaction, learned from the ones before, and more. */
export interface Pace {
  size: number;
  /** A large pull's view of which documents have sync rows (lib/sync/apply-remote.ts); none: one get each. */
  lookup?: SyncRowLookup;
  /** When a chunk of this pull was last written (performance.now()): the pull must move (MUST_MOVE_MS). */
  moved: number;
}

/**
 * The longest a pull gives way to the rep without writing anything: past it, its next chunk goes without waiting,
 * so a popup opened over and over slows the pull but never stops it.
 */
export const MUST_MOVE_MS = 2_000;

export const newPace = (): Pace => ({ size: FIRST_CHUNK, moved: performance.now() });

export function nextChunkSize(docs: number, ms: number): number {
  const perDoc = ms / Math.max(1, docs);
  const size = perDoc > 0 ? Math.round(CHUNK_BUDGET_MS / perDoc) : MAX_CHUNK;
  return Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, size));
}

/** A change as _changes lists it (with include_docs). */
export interface Change {
  id: string;
  seq: unknown;
  deleted?: boolean;
  doc?: unknown;
  changes?: { rev: string }[];
}

/** The checkpoint as CouchDB hands it out: a number (pouchdb-server, CouchDB 1) or an opaque string (CouchDB 2+). */
export function seqText(seq: unknown): string {
  return typeof seq === 'string' ? seq : JSON.stringify(seq ?? 0);
}

/** The documents of some changes, checked (IncomingDoc); a deletion without its document becomes a tombstone. */
function docsOf(results: readonly Change[]): IncomingDoc[] {
  const docs: IncomingDoc[] = [];
  for (const change of results) {
    const rev = change.changes?.[0]?.rev;
    const doc = change.doc ?? (change.deleted && rev ? { _id: change.id, _rev: rev, _deleted: true } : undefined);
    const parsed = IncomingDoc.safeParse(doc);
    if (parsed.success) docs.push(parsed.data);
  }
  return docs;
}

/** Lets the worker answer the popup and the pages between two write transactions. */
const yieldToOthers = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The pull has given way long enough (MUST_MOVE_MS): its next chunk goes whatever the rep does. */
const mustMove = (pace: Pace) => performance.now() - pace.moved > MUST_MOVE_MS;

/**
 * Writes a pull's changes in short transactions (CHUNK_BUDGET_MS), each storing as checkpoint the sequence of its
 * last change (any change's `seq` is a valid `since`, on CouchDB 2+ as on 1.x), so a stop between two chunks
 * resumes after the last one written.
 *
 * Two transactions are in flight: the next chunk is checked, cloned and queued while IndexedDB commits the last
 * one, so the database never waits for the worker between two chunks (IndexedDB runs overlapping write
 * transactions one after the other, in the order they were made). The resume guarantee holds because each chunk's
 * transaction checks that the stored checkpoint is the one its predecessor wrote, and writes nothing otherwise: if
 * the predecessor failed, so does its successor, and the checkpoint stays after the last chunk written. When the
 * rep starts waiting, the chunk queued behind the running one is withdrawn and made again after (write()).
 */
export class ChunkWriter {
  private inFlight: Promise<unknown> | undefined;
  /** When the last chunk queued finished (or will have): the next one holds the database from then. */
  private lastDone = 0;
  applied = 0;
  /** Chunks whose transaction is made and not yet done: two at most. */
  private running = 0;
  /** The last chunk's transaction, which a give-way withdraws while the one before it runs. */
  private newest: AbortController | undefined;
  /** Settles once the last chunk's transaction is made (again, after a withdrawal): the next one is made after. */
  private made: Promise<void> = Promise.resolve();

  /** `checkpoint`: the one stored now, which the pull read and fetched its first page after. */
  constructor(
    private readonly db: ProspectorDb,
    readonly pace: Pace,
    private checkpoint: string,
  ) {
    this.since = checkpoint;
  }

  /** The checkpoint the pull started from. */
  readonly since: string;

  /** Writes a fetched page: its changes in chunks, and its last_seq (`since`) with the last of them. */
  async writePage(results: readonly Change[], since: string): Promise<void> {
    if (!results.length) return this.queue([], since);
    for (let from = 0; from < results.length; ) {
      const chunk = results.slice(from, from + this.pace.size);
      from += chunk.length;
      await this.queue(chunk, from >= results.length ? since : seqText(chunk[chunk.length - 1]!.seq));
    }
  }

  /**
   * Queues one chunk's transaction behind the one in flight, then waits for that one: never more than two. A
   * failed chunk's error is thrown once its successor has settled too, so nothing of this pull runs after it.
   */
  private async queue(chunk: readonly Change[], since: string): Promise<void> {
    await yieldToOthers();
    // Transactions run in the order they are made: a withdrawn chunk is made again before this one.
    await this.made;
    // While the rep has the database nothing new is queued (lib/sync/give-way.ts), unless the pull must move.
    await this.rightOfWay();
    const docs = docsOf(chunk);
    const after = this.checkpoint;
    this.checkpoint = since;
    const previous = this.inFlight;
    const writing = this.write(docs, chunk.length, since, after, previous);
    // Seen when awaited (as the predecessor, below or in finish()), not as an unhandled rejection meanwhile.
    writing.catch(() => undefined);
    this.inFlight = writing;
    if (!previous) return;
    try {
      await previous;
    } catch (err) {
      await writing.catch(() => undefined);
      this.inFlight = undefined;
      throw err;
    }
  }

  /** Waits while the rep has the database, unless the pull must move. */
  private async rightOfWay(): Promise<void> {
    while (giveWayLeft() > 0 && !mustMove(this.pace)) await sleep(giveWayLeft());
  }

  /**
   * One chunk's transaction; its time paces the next ones. Made while another still runs, it waits in IndexedDB's
   * queue; if the rep starts waiting then (a popup opening), it is withdrawn: aborted before it ran, so nothing is
   * undone (aborting the one running cost IndexedDB's backend more than the wait it saves), and the rep's reads
   * wait for one chunk, not two. It is made again once its predecessor is done and the rep has the database back.
   */
  private async write(
    docs: IncomingDoc[],
    changes: number,
    since: string,
    after: string,
    predecessor: Promise<unknown> | undefined,
  ): Promise<void> {
    let remade: (() => void) | undefined;
    try {
      for (;;) {
        const created = performance.now();
        const withdraw = new AbortController();
        this.newest = withdraw;
        const stop = onGiveWay(() => {
          if (this.newest === withdraw && this.running > 1 && !mustMove(this.pace)) withdraw.abort();
        });
        this.running++;
        const writing = applyRemoteDocs(this.db, docs, {
          since,
          after,
          lookup: this.pace.lookup,
          signal: withdraw.signal,
        });
        // Made (Dexie makes the transaction as it is asked for, the database being open): the next may follow.
        remade?.();
        remade = undefined;
        let done: Awaited<typeof writing>;
        try {
          done = await writing;
        } catch (err) {
          if (!withdraw.signal.aborted) throw err;
          this.made = new Promise((resolve) => {
            remade = resolve;
          });
          await predecessor?.catch(() => undefined);
          await this.rightOfWay();
          continue;
        } finally {
          this.running--;
          stop();
        }
        const now = performance.now();
        // Its time holding the database: from when it could start (made, and its predecessor done).
        this.pace.size = nextChunkSize(changes, now - Math.max(created, this.lastDone));
        this.lastDone = now;
        this.pace.moved = now;
        this.applied += done.written + done.merged;
        return;
      }
    } finally {
      // Failed: nothing waits on it (its successor fails after it).
      remade?.();
    }
  }

  /** Waits for the last chunk, and throws its error. */
  async finish(): Promise<number> {
    const last = this.inFlight;
    this.inFlight = undefined;
    await last;
    return this.applied;
  }

  /** Resolves once no chunk is in flight, whatever became of it (finish() reports it). */
  async settled(): Promise<void> {
    await this.inFlight?.catch(() => undefined);
  }
}
