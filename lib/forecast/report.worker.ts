// The forecast and analytics views' worker. It reads the deals and stages itself, with a Dexie live query (so a
// change made anywhere in the extension is picked up), keeps them as a deal table, and answers each view's
// request with a small report. 100,000 deals are never copied to the page, and neither reading them nor the
// computing blocks it. Activities are never read: deals carry their stage history.
import { liveQuery } from 'dexie';
import { DB_NAME, ProspectorDb } from '../db/database';
import { trackRecord } from './accuracy';
import { analyticsReport } from './analytics-report';
import { periodsBefore } from './calendar';
import { type DealTable, dealTable } from './deal-table';
import { forecastReport } from './forecast-report';
import type { ReportReply, ReportRequest, ReportTimings } from './worker-protocol';

/** The worker's global scope, typed by hand: the project compiles against the DOM library, not WebWorker's. */
const scope = self as unknown as {
  postMessage(message: ReportReply): void;
  onmessage: ((event: MessageEvent<ReportRequest>) => void) | null;
};

let table: DealTable | undefined;
let fresh: { readMs: number; tableMs: number } | undefined;
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
  if (request.kind === 'analytics') {
    const report = analyticsReport(table, request.params);
    post({ id: request.id, kind: 'analytics', report, timings: timings(performance.now() - start) });
    return;
  }
  const report = forecastReport(table, request.params);
  post({ id: request.id, kind: 'forecast', report, timings: timings(performance.now() - start) });
  // The track record (six past forecasts rebuilt) comes second, so the forecast shows without waiting for it.
  const current = table;
  setTimeout(() => {
    if (table !== current || pending.get('forecast') !== request) return;
    const p = request.params;
    const began = performance.now();
    const record = trackRecord(current, periodsBefore(report.today, p.grain, p.trackRecordPeriods ?? 6, p.zone), {
      method: p.method,
      currency: p.currency,
      bantWeights: p.bantWeights,
      minSample: p.minSample,
    });
    post({ id: request.id, kind: 'track', trackRecord: record, timings: timings(performance.now() - began) });
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

let subscribed = false;
function subscribe() {
  subscribed = true;
  // No query cache: in a live query Dexie's default cache deep-clones every result it hands out, which for
  // 100,000 deals costs more than reading them. Every change simply runs the query again.
  const db = new ProspectorDb(DB_NAME, { cache: 'disabled' });
  const began = performance.now();
  let first = true;
  liveQuery(() => Promise.all([db.stages.toArray(), db.deals.toArray()])).subscribe({
    next: ([stages, deals]) => {
      // The first read's time is reported (npm run bench compares it with the view's first render).
      const readMs = first ? performance.now() - began : Number.NaN;
      first = false;
      const start = performance.now();
      table = dealTable(deals, stages);
      fresh = { readMs, tableMs: performance.now() - start };
      schedule();
    },
    error: (err) => {
      for (const request of pending.values())
        post({ id: request.id, kind: 'error', message: err instanceof Error ? err.message : String(err) });
    },
  });
}

scope.onmessage = (event) => {
  pending.set(event.data.kind, event.data);
  if (!subscribed) subscribe();
  else schedule();
};
