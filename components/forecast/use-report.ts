import { useEffect, useState } from 'preact/hooks';
import type { TrackRecord } from '@/lib/forecast/accuracy';
import type { AnalyticsParams, AnalyticsReport } from '@/lib/forecast/analytics-report';
import type { ForecastParams, ForecastReport } from '@/lib/forecast/forecast-report';
import type { MethodComparison } from '@/lib/forecast/method-comparison';
import type { ProbabilityMethod } from '@/lib/forecast/probability-methods';
import type { ReportReply, ReportRequest, WorkerMessage } from '@/lib/forecast/worker-protocol';

type Listener = (reply: ReportReply) => void;
const listeners = new Set<Listener>();
let worker: Worker | undefined;
let nextId = 1;

/**
 * The page's one report worker, started on first use and kept while the page is open: switching between the
 * forecast and analytics views reuses the deals it has already read. It watches the database itself (Dexie's
 * storagemutated event), so its answers follow every change made anywhere in the extension.
 */
function reportWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('../../lib/forecast/report.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<ReportReply>) => {
      for (const listen of listeners) listen(event.data);
    };
    worker.onerror = (event) => {
      const message = event.message || 'The report worker failed to start.';
      for (const listen of listeners) listen({ id: -1, kind: 'error', message });
    };
  }
  return worker;
}

// Opening straight on a report view (options.html#forecast…): start the worker and its read now, while the page
// is still loading its settings, instead of after the view's first render.
if (typeof location !== 'undefined' && /^#\/?(forecast|analytics)\b/.test(location.hash))
  reportWorker().postMessage({ kind: 'start' } satisfies WorkerMessage);

interface ReportState<R> {
  report?: R;
  trackRecord?: TrackRecord;
  /** Every probability method's forecast and track record (comes with the track record). */
  methods?: MethodComparison;
  error?: string;
  /** True while a newer answer than the one shown is being worked out. */
  busy: boolean;
}

type Kinds = {
  forecast: { params: ForecastParams; report: ForecastReport };
  analytics: { params: AnalyticsParams; report: AnalyticsReport };
};

/**
 * Asks the report worker for a view's report whenever its parameters change, and keeps the last answer on screen
 * (marked busy) until the next one arrives. Each answer is also a performance mark, `<kind>-report` (and
 * `forecast-track` for the track record), carrying the worker's timings (npm run bench reads them).
 */
export function useReport<K extends keyof Kinds>(kind: K, params: Kinds[K]['params']): ReportState<Kinds[K]['report']> {
  const [state, setState] = useState<ReportState<Kinds[K]['report']>>({ busy: true });
  const key = JSON.stringify(params);
  useEffect(() => {
    const id = nextId++;
    setState((s) => ({ ...s, busy: true }));
    const listen: Listener = (reply) => {
      if (reply.id !== id && reply.id !== -1) return;
      if (reply.kind === 'error') setState((s) => ({ ...s, error: reply.message, busy: false }));
      else if (reply.kind === 'track') {
        performance.mark(`${kind}-track`, { detail: reply.timings });
        setState((s) => ({ ...s, trackRecord: reply.trackRecord, methods: reply.methods }));
      } else if (reply.kind === kind) {
        performance.mark(`${kind}-report`, { detail: reply.timings });
        setState({ report: reply.report as Kinds[K]['report'], busy: false });
      }
    };
    listeners.add(listen);
    reportWorker().postMessage({ id, kind, params } as ReportRequest);
    return () => listeners.delete(listen);
  }, [kind, key]);
  return state;
}

/**
 * Each open stage's win probability by the manager's method, for the board's weighted headers: null for the
 * stage settings (the stages carry them: no worker is started), undefined until the worker has answered. Follows
 * every change to the deals, as the worker re-reads them.
 */
export function useStageRates(method: ProbabilityMethod, now: number): Record<string, number> | null | undefined {
  const [rates, setRates] = useState<Record<string, number> | undefined>();
  useEffect(() => {
    if (method === 'configured') return;
    setRates(undefined);
    const id = nextId++;
    const listen: Listener = (reply) => {
      if (reply.id === id && reply.kind === 'rates') setRates(reply.rates);
    };
    listeners.add(listen);
    reportWorker().postMessage({ id, kind: 'rates', params: { method, now } } satisfies ReportRequest);
    return () => listeners.delete(listen);
  }, [method, now]);
  return method === 'configured' ? null : rates;
}
