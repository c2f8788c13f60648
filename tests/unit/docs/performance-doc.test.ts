import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeRecorded, type RecordedFigure, renderPerformance } from '@/scripts/bench/performance-doc';
import { readRecorded } from '@/scripts/bench/record';

const ROOT = resolve(import.meta.dirname, '../../..');
const at = { measuredAt: '2026-12-04 21:00', load: 0.4, cpus: 2 };
const fig = (bench: string, name: string, median: number, extra: Record<string, unknown> = {}): RecordedFigure => ({
  name,
  unit: 'ms',
  median,
  p95: median * 2,
  n: 11,
  bench,
  ...at,
  ...extra,
});

describe('docs/performance.md', () => {
  it('is exactly what the recorded figures render to (never edited by hand)', () => {
    const page = readFileSync(resolve(ROOT, 'docs/performance.md'), 'utf8');
    expect(page, 'run `npm run docs:performance` (or `npm run bench`) instead of editing it').toBe(
      renderPerformance(readRecorded(ROOT)),
    );
  });

  it('shows each figure with its run, load, target and context', () => {
    const page = renderPerformance([fig('board', 'board.move', 25, { target: '<= 50', openDeals: 10362 })]);
    expect(page).toContain('## board');
    expect(page).toContain('`npm run bench -- board`, 2026-12-04 21:00, load 0.4 on 2 cores.');
    expect(page).toContain('| `board.move` | 25 ms | 50 | 11 | <= 50 | openDeals: 10362 |');
  });

  it('replaces the figures of the benchmarks a run measured and keeps the others', () => {
    const old = [fig('popup-open', 'popup.open', 93), fig('board', 'board.move', 25), fig('board', 'board.old', 1)];
    const merged = mergeRecorded(old, [fig('board', 'board.move', 30)]);
    expect(merged.map((f) => [f.name, f.median])).toEqual([
      ['popup.open', 93],
      ['board.move', 30],
    ]);
  });
});
