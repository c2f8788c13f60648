import { useEffect, useState } from 'preact/hooks';
import { type ContactCache, contactCache } from '@/lib/read/contact-cache';

export { contactCache };

/** Re-renders the component whenever a batch of contacts arrives. */
export function useContactCache(): ContactCache {
  const [, setTick] = useState(0);
  useEffect(() => contactCache.subscribe(() => setTick((n) => n + 1)), []);
  return contactCache;
}
