/** A span of time for the KPIs: [start, end) in epoch milliseconds (the views pass the rep's local days). */
export interface DateRange {
  start: number;
  end: number;
}

/** Whether `ms` falls in the range (NaN, an unknown time, never does). */
export function inRange(ms: number, range: DateRange): boolean {
  return ms >= range.start && ms < range.end;
}
