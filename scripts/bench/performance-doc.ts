// docs/performance.md is rendered from docs/bench-results.json by this one function, so the figures in the docs
// are always the ones a benchmark printed: `npm run bench` records and re-renders; `npm run docs:performance`
// re-renders by hand; tests/unit/docs/performance-doc.test.ts fails when the page and the results disagree.
import type { Figure } from './stats';

/** A figure as kept in docs/bench-results.json: what the benchmark printed, and when and how loaded it ran. */
export interface RecordedFigure extends Figure {
  bench: string;
  /** ISO date and time the run started. */
  measuredAt: string;
  /** 1-minute load average when the run started, and the machine's cores: benchmarks are noisy on 2 cores. */
  load: number;
  cpus: number;
}

const KEPT_OUT = new Set(['name', 'unit', 'median', 'p95', 'n', 'bench', 'measuredAt', 'load', 'cpus', 'target']);

const num = (x: number) => (Number.isFinite(x) ? String(x) : '—');
const cell = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v)).replace(/\|/g, '\\|');

/** The whole docs/performance.md for these recorded figures, grouped by benchmark in the order given. */
export function renderPerformance(figures: readonly RecordedFigure[]): string {
  const lines = [
    '# Performance',
    '',
    '<!-- Rendered from docs/bench-results.json by scripts/bench/performance-doc.ts: do not edit by hand. -->',
    '',
    'Every figure below is what `npm run bench` printed, as recorded in `docs/bench-results.json` with the time of',
    "the run and the machine's load when it started (benchmarks are noisy on a 2-core machine: compare figures of",
    'one run, and read a ratio against a baseline measured in the same run rather than an absolute time).',
    '`npm run bench -- <name>` re-measures one benchmark and re-renders this page; the others keep their figures.',
    'How each benchmark measures is said in its file in `scripts/bench/`.',
  ];
  if (!figures.length) lines.push('', 'No figures recorded yet.');
  const benches = [...new Set(figures.map((f) => f.bench))];
  for (const bench of benches) {
    const rows = figures.filter((f) => f.bench === bench);
    const first = rows[0]!;
    lines.push(
      '',
      `## ${bench}`,
      '',
      `\`npm run bench -- ${bench}\`, ${first.measuredAt}, load ${first.load} on ${first.cpus} cores.`,
      '',
      '| figure | median | p95 | n | target | context |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const f of rows) {
      const context = Object.entries(f)
        .filter(([k]) => !KEPT_OUT.has(k))
        .map(([k, v]) => `${k}: ${cell(v)}`)
        .join('; ');
      const target = f.target === undefined ? '' : cell(f.target);
      lines.push(`| \`${f.name}\` | ${num(f.median)} ${f.unit} | ${num(f.p95)} | ${f.n} | ${target} | ${context} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The recorded figures after a run: this run's figures replace every figure of the benchmarks it ran, the other
 * benchmarks keep theirs, and the order of benchmarks stays as first recorded.
 */
export function mergeRecorded(old: readonly RecordedFigure[], fresh: readonly RecordedFigure[]): RecordedFigure[] {
  const ran = new Set(fresh.map((f) => f.bench));
  const order = [...new Set([...old.map((f) => f.bench), ...fresh.map((f) => f.bench)])];
  const kept = old.filter((f) => !ran.has(f.bench));
  return order.flatMap((b) => [...kept, ...fresh].filter((f) => f.bench === b));
}
