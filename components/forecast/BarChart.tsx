import { useId } from 'preact/hooks';

export interface ChartSeries {
  label: string;
  /** A CSS colour, normally one of theme.css's --chart-* variables. */
  color: string;
  values: number[];
}

export interface BarChartProps {
  /** The chart's accessible name. */
  title: string;
  /** What it shows, for screen readers (the table beside it has the numbers). */
  description: string;
  /** One label per bar. */
  labels: string[];
  /** Stacked bottom-up, in this order. */
  stacks: ChartSeries[];
  /** Drawn over the bars, one point per bar. */
  line?: ChartSeries;
  /** For the axis, where space is short (compact money). */
  format: (value: number) => string;
  /** For each bar's tooltip: the exact figure (defaults to `format`). */
  exact?: (value: number) => string;
  testid: string;
}

/** The drawing's size: it scales to the page's width (never scrolls), up to this. */
const WIDTH = 720;
const HEIGHT = 220;
const LEFT = 72;
const BOTTOM = 28;
const TOP = 10;

const TICKS = 4;

/** A round step (1, 2 or 5 × a power of ten, at least 1) so that TICKS steps reach `max`. */
function niceStep(max: number): number {
  const raw = Math.max(1, max / TICKS);
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const step of [1, 2, 5, 10]) if (step * power >= raw) return step * power;
  return 10 * power;
}

/** A label cut to fit `width` pixels (the full text stays in the bar's tooltip). */
function fitLabel(label: string, width: number): string {
  const chars = Math.max(3, Math.floor(width / 6.5));
  return label.length <= chars ? label : `${label.slice(0, chars - 1)}…`;
}

/**
 * A small stacked bar chart in SVG, with an optional line: no canvas, no library (the few shapes needed do not
 * justify one). Each segment and point has a tooltip; the legend is text; colours come from the theme.
 */
export function BarChart({ title, description, labels, stacks, line, format, exact, testid }: BarChartProps) {
  const id = useId();
  const width = WIDTH;
  const band = (WIDTH - LEFT - 8) / Math.max(1, labels.length);
  const barWidth = Math.min(band * 0.64, 56);
  const totals = labels.map((_, i) => stacks.reduce((sum, s) => sum + Math.max(0, s.values[i] ?? 0), 0));
  const step = niceStep(Math.max(0, ...totals, ...(line?.values ?? [])));
  const top = step * TICKS;
  const plot = HEIGHT - BOTTOM - TOP;
  const y = (v: number) => TOP + plot - (Math.max(0, v) / top) * plot;
  const ticks = Array.from({ length: TICKS + 1 }, (_, k) => k * step);
  const center = (i: number) => LEFT + band * i + band / 2;
  // Narrow bars (many weeks): label every n-th bar so labels never overlap; each bar's tooltip names it.
  const labelEvery = Math.ceil(72 / band);
  return (
    <figure class="chart" data-testid={testid}>
      <svg viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{description}</desc>
        {ticks.map((v) => (
          <g key={v} class="chart-grid">
            <line x1={LEFT} x2={width - 4} y1={y(v)} y2={y(v)} />
            <text x={LEFT - 6} y={y(v)} dy="0.32em" text-anchor="end">
              {format(v)}
            </text>
          </g>
        ))}
        {labels.map((label, i) => {
          let base = 0;
          return (
            <g key={label}>
              {stacks.map((s) => {
                const v = Math.max(0, s.values[i] ?? 0);
                const y0 = y(base);
                base += v;
                return v > 0 ? (
                  <rect
                    key={s.label}
                    x={center(i) - barWidth / 2}
                    width={barWidth}
                    y={y(base)}
                    height={Math.max(0.5, y0 - y(base))}
                    fill={s.color}
                  >
                    <title>{`${label} · ${s.label}: ${(exact ?? format)(v)}`}</title>
                  </rect>
                ) : null;
              })}
              {i % labelEvery === 0 && (
                <text class="chart-label" x={center(i)} y={HEIGHT - BOTTOM + 16} text-anchor="middle">
                  {fitLabel(label, band * labelEvery - 4)}
                </text>
              )}
            </g>
          );
        })}
        {line && (
          <g class="chart-line" stroke={line.color} fill={line.color}>
            <polyline
              fill="none"
              stroke-width="2"
              points={line.values.map((v, i) => `${center(i)},${y(v)}`).join(' ')}
            />
            {line.values.map((v, i) => (
              <circle key={labels[i]} cx={center(i)} cy={y(v)} r="4">
                <title>{`${labels[i]} · ${line.label}: ${(exact ?? format)(v)}`}</title>
              </circle>
            ))}
          </g>
        )}
      </svg>
      <figcaption>
        <ul class="chart-legend">
          {stacks.map((s) => (
            <li key={s.label}>
              <span class="chart-swatch" style={{ background: s.color }} aria-hidden="true" />
              {s.label}
            </li>
          ))}
          {line && (
            <li>
              <span class="chart-swatch chart-swatch-line" style={{ background: line.color }} aria-hidden="true" />
              {line.label}
            </li>
          )}
        </ul>
      </figcaption>
    </figure>
  );
}
