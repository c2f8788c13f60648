import type { TrackRecord } from './accuracy';
import type { AnalyticsParams, AnalyticsReport } from './analytics-report';
import type { ForecastParams, ForecastReport } from './forecast-report';
import type { MethodComparison } from './method-comparison';
import type { ProbabilityMethod } from './probability-methods';

/** The board's question: each open stage's win probability by the manager's method, now. */
export interface StageRatesParams {
  method: ProbabilityMethod;
  now: number;
}

/** What a view asks the report worker for. The newest request of each kind replaces the older one. */
export type ReportRequest =
  | { id: number; kind: 'forecast'; params: ForecastParams }
  | { id: number; kind: 'analytics'; params: AnalyticsParams }
  | { id: number; kind: 'rates'; params: StageRatesParams };

/** What the page posts: a request, or 'start' (read the deals now, a request follows). */
export type WorkerMessage = ReportRequest | { kind: 'start' };

/** How long each part took in the worker, in ms (shown nowhere; read by npm run bench through performance marks). */
export interface ReportTimings {
  /** Opening the database, then reading the deals and stages (only on the answer after the first read). */
  openMs?: number;
  readMs?: number;
  /** Building the deal table from them (idem). */
  tableMs?: number;
  computeMs: number;
  deals: number;
}

export type ReportReply =
  | { id: number; kind: 'forecast'; report: ForecastReport; timings: ReportTimings }
  | { id: number; kind: 'track'; trackRecord: TrackRecord; methods: MethodComparison; timings: ReportTimings }
  | { id: number; kind: 'rates'; rates: Record<string, number>; timings: ReportTimings }
  | { id: number; kind: 'analytics'; report: AnalyticsReport; timings: ReportTimings }
  | { id: number; kind: 'error'; message: string };
