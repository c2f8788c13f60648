// Keeps the figures of every benchmark run in docs/bench-results.json and renders docs/performance.md from them.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { mergeRecorded, type RecordedFigure, renderPerformance } from './performance-doc';
import type { Figure } from './stats';

const RESULTS = 'docs/bench-results.json';
const PAGE = 'docs/performance.md';

/** The figures recorded so far (none when the file is missing). */
export function readRecorded(root: string): RecordedFigure[] {
  try {
    return JSON.parse(readFileSync(resolve(root, RESULTS), 'utf8')) as RecordedFigure[];
  } catch {
    return [];
  }
}

/** What a run started now would be recorded with. */
export function runContext(): Pick<RecordedFigure, 'measuredAt' | 'load' | 'cpus'> {
  return {
    measuredAt: new Date().toISOString().slice(0, 16).replace('T', ' '),
    load: Math.round(loadavg()[0]! * 100) / 100,
    cpus: cpus().length,
  };
}

/** Adds this run's figures (tagged with their benchmark and the run's context) and re-renders the page. */
export function record(root: string, run: { bench: string; figures: Figure[] }[], context = runContext()): void {
  const fresh = run.flatMap(({ bench, figures }) => figures.map((f) => ({ ...f, bench, ...context })));
  const all = mergeRecorded(readRecorded(root), fresh);
  writeFileSync(resolve(root, RESULTS), `${JSON.stringify(all, null, 2)}\n`);
  writeFileSync(resolve(root, PAGE), renderPerformance(all));
}

/** Re-renders docs/performance.md from what is recorded (npm run docs:performance). */
export function renderRecorded(root: string): void {
  writeFileSync(resolve(root, PAGE), renderPerformance(readRecorded(root)));
}
