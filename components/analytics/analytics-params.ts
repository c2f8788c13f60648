import { addDays, dayKey } from '@/lib/forecast/calendar';

export const PRESETS = ['30d', '90d', '12m', 'ytd', 'all'] as const;
export type Preset = (typeof PRESETS)[number];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The first and last day (both included) of a preset range ending today. 'all' starts on the first day any
 * deal was created or closed (`firstDay`; today when there is none).
 */
export function presetRange(preset: Preset, today: string, firstDay?: string | null): { from: string; to: string } {
  if (preset === '30d') return { from: addDays(today, -29), to: today };
  if (preset === '90d') return { from: addDays(today, -89), to: today };
  if (preset === 'ytd') return { from: `${today.slice(0, 4)}-01-01`, to: today };
  if (preset === 'all') return { from: firstDay && firstDay < today ? firstDay : today, to: today };
  // The last twelve months: from the first day of the month eleven months back.
  const [y, m] = today.split('-').map(Number);
  const start = new Date(Date.UTC(y!, m! - 12, 1));
  return { from: start.toISOString().slice(0, 10), to: today };
}

/**
 * The analytics view's range from its URL (#analytics?from=2026-01-01&to=2026-06-30); default: 12 months.
 * `explicit` says whether the URL chose it (the view may move a default range to where the deals are).
 */
export function readRange(
  params: URLSearchParams,
  now: number,
  firstDay?: string | null,
): { from: string; to: string; preset: Preset | null; explicit: boolean } {
  const today = dayKey(now, 'local');
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  if (DAY.test(from) && DAY.test(to) && from <= to) {
    const preset = PRESETS.find((p) => {
      const r = presetRange(p, today, firstDay);
      return r.from === from && r.to === to;
    });
    return { from, to, preset: preset ?? null, explicit: true };
  }
  return { ...presetRange('12m', today), preset: '12m', explicit: false };
}
