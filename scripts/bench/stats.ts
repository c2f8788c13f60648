export interface Figure {
  name: string;
  unit: string;
  median: number;
  p95: number;
  n: number;
  [context: string]: unknown;
}

/** Median, p95 and count of one benchmark figure, with any context fields (sizes, counts) alongside. */
export function summarise(name: string, samples: number[], unit = 'ms', extra: Record<string, unknown> = {}): Figure {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const round = (x: number) => Math.round(x * 100) / 100;
  return { name, unit, median: round(at(0.5)), p95: round(at(0.95)), n: samples.length, ...extra };
}
