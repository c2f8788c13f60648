// The forecast and analytics views' worker. It reads the deals and stages itself, again whenever they change
// anywhere in the extension (Dexie's storagemutated event, what its live queries watch), keeps them as a deal
// table, and answers each view's request with a small report. 100,000 deals are never copied to the page, and neither reading them nor the
// computing blocks it. It reads the forecast's compact copy of each deal (lib/db/forecast-index.ts), not the
// deals themselves; activities are never read: the rows carry each deal's stage history.
import Dexie from 'dexie';
import { DB_NAME, ProspectorDb } from '../db/database';
import type { ForecastIndexRow } from '../db/forecast-index';
import type { Owner, Quota, Stage } from '../model';
import { analyticsReport } from './analytics-report';
import { periodsBefore } from './calendar';
import { type DealTable, dealTableFromRows } from './deal-table';
import { forecastReport, type TeamContext } from './forecast-report';
import { compareMethods } from './method-comparison';
import { learnedStageRates } from './probability-methods';
import type { ReportReply, ReportRequest, ReportTimings, WorkerMessage } from './worker-protocol';

/** The worker's global scope, typed by hand: the project compiles against the DOM library, not WebWorker's. */
const scope = self as unknown as {
  postMessage(message: ReportReply): void;
  onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null;
};

let table: DealTable | undefined;
let team: TeamContext = { owners: [], quotas: [] };
let fresh: { openMs?: number; readMs?: number; tableMs: number } | undefined;
const pending = new Map<ReportRequest['kind'], ReportRequest>();
let scheduled = false;

function post(reply: ReportReply) {
  scope.postMessage(reply);
}

function timings(computeMs: number): ReportTimings {
  const t: ReportTimings = { computeMs, deals: table?.n ?? 0, ...fresh };
  fresh = undefined;
  return t;
}

function answer(request: ReportRequest) {
  if (!table) return;
  const start = performance.now();
  if (request.kind === 'rates') {
    // The board weighs each column by these (the configured method needs no worker: the stages carry it).
    const rates: Record<string, number> = {};
    for (const r of learnedStageRates(table, { asOf: request.params.now })) if (r) rates[r.stageId] = r.used;
    post({ id: request.id, kind: 'rates', rates, timings: timings(performance.now() - start) });
    return;
  }
  if (request.kind === 'analytics') {
    const report = analyticsReport(table, request.params, team.owners);
    post({ id: request.id, kind: 'analytics', report, timings: timings(performance.now() - start) });
    return;
  }
  const report = forecastReport(table, request.params, team);
  post({ id: request.id, kind: 'forecast', report, timings: timings(performance.now() - start) });
  // The track record of every method (six past forecasts each, rebuilt) comes second, so the forecast shows without waiting for it.
  const current = table;
  setTimeout(() => {
    if (table !== current || pending.get('forecast') !== request) return;
    const p = request.params;
    const began = performance.now();
    const methods = compareMethods(current, {
      asOf: p.asOf,
      periods: report.periods,
      past: periodsBefore(report.today, p.grain, p.trackRecordPeriods ?? 6, p.zone),
      currency: p.currency,
      bantWeights: p.bantWeights,
      minSample: p.minSample,
    });
    const record = methods.scores.find((m) => m.method === p.method)!.record;
    post({ id: request.id, kind: 'track', trackRecord: record, methods, timings: timings(performance.now() - began) });
  });
}

/** Answers the newest request of each kind once, after any messages already queued (newer ones win). */
function schedule() {
  if (scheduled) return;
  scheduled = true;
  setTimeout(() => {
    scheduled = false;
    for (const request of pending.values()) {
      try {
        answer(request);
      } catch (err) {
        post({ id: request.id, kind: 'error', message: err instanceof Error ? err.message : String(err) });
      }
    }
  });
}

/**
 * Reads the forecast's row of every deal and the stages in one read-only transaction, with plain getAll (Dexie's
 * toArray costs ~1.5x more). The rows, not the deals: the same facts, ready to be put in columns.
 */
function readAll(
  idb: IDBDatabase,
): Promise<{ rows: ForecastIndexRow[]; stages: Stage[]; owners: Owner[]; quotas: Quota[] }> {
  return new Promise((ok, fail) => {
    const tx = idb.transaction(['forecastIndex', 'stages', 'owners', 'quotas'], 'readonly');
    const rows = tx.objectStore('forecastIndex').getAll();
    const stages = tx.objectStore('stages').getAll();
    const owners = tx.objectStore('owners').getAll();
    const quotas = tx.objectStore('quotas').getAll();
    tx.oncomplete = () =>
      ok({ rows: rows.result, stages: stages.result, owners: owners.result, quotas: quotas.result });
    tx.onerror = () => fail(tx.error);
    tx.onabort = () => fail(tx.error ?? new Error('The read was aborted.'));
  });
}

let started = false;
/**
 * Reads now, and again whenever deals or stages change anywhere in the extension: Dexie relays every write's
 * 'storagemutated' event to all its contexts (this is what its live queries watch), so the background's writes
 * arrive here too. Changes during a read are gathered into one more read.
 */
function start() {
  started = true;
  const db = new ProspectorDb(DB_NAME);
  let reading = false;
  let again = false;
  let first = true;
  const read = async () => {
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    try {
      const began = performance.now();
      if (!db.isOpen()) await db.open(); // Dexie checks the schema (and reopens after a version change)
      const opened = performance.now();
      const { rows, stages, owners, quotas } = await readAll(db.backendDB());
      team = { owners, quotas };
      // The first read's times are reported (npm run bench compares them with the view's first render).
      const timed = first ? { openMs: opened - began, readMs: performance.now() - opened } : {};
      first = false;
      const built = performance.now();
      table = dealTableFromRows(rows, stages);
      fresh = { ...timed, tableMs: performance.now() - built };
      schedule();
    } catch (err) {
      for (const request of pending.values())
        post({ id: request.id, kind: 'error', message: err instanceof Error ? err.message : String(err) });
    } finally {
      reading = false;
      if (again) {
        again = false;
        void read();
      }
    }
  };
  const watched = ['forecastIndex', 'stages', 'owners', 'quotas'].map((table) => `idb://${DB_NAME}/${table}/`);
  Dexie.on('storagemutated', (parts) => {
    if (Object.keys(parts).some((part) => watched.some((w) => part.startsWith(w)))) void read();
  });
  void read();
}

scope.onmessage = (event) => {
  // 'start': the page is opening on a report view; begin reading before its request comes.
  if (event.data.kind !== 'start') pending.set(event.data.kind, event.data);
  if (!started) start();
  else schedule();
};
