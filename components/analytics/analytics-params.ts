import { addDays, dayKey } from '@/lib/forecast/calendar';

export const PRESETS = ['30d', '90d', '12m', 'ytd'] as const;
export type Preset = (typeof PRESETS)[number];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The first and last day (both included) of a preset range ending today. */
export function presetRange(preset: Preset, today: string): { from: string; to: string } {
  if (preset === '30d') return { from: addDays(today, -29), to: today };
  if (preset === '90d') return { from: addDays(today, -89), to: today };
  if (preset === 'ytd') return { from: `${today.slice(0, 4)}-01-01`, to: today };
  // The last twelve months: from the first day of the month eleven months back.
  const [y, m] = today.split('-').map(Number);
  const start = new Date(Date.UTC(y!, m! - 12, 1));
  return { from: start.toISOString().slice(0, 10), to: today };
}

/** The analytics view's range from its URL (#analytics?from=2026-01-01&to=2026-06-30); default: 12 months. */
export function readRange(params: URLSearchParams, now: number): { from: string; to: string; preset: Preset | null } {
  const today = dayKey(now, 'local');
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  if (DAY.test(from) && DAY.test(to) && from <= to) {
    const preset = PRESETS.find((p) => {
      const r = presetRange(p, today);
      return r.from === from && r.to === to;
    });
    return { from, to, preset: preset ?? null };
  }
  return { ...presetRange('12m', today), preset: '12m' };
}
