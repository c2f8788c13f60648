import { useEffect, useState } from 'preact/hooks';

/** The current time, refreshed every minute: "days in stage" and "overdue" stay right on a page left open. */
export function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}
