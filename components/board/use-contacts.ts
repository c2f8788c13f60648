import { useRef } from 'preact/hooks';
import { useLiveQuery } from '@/components/use-live-query';
import { getDb } from '@/lib/db/database';
import type { Contact } from '@/lib/model';

/**
 * The contacts behind the cards on screen, read in one batch and kept current by a live query. What was read
 * before stays in a cache, so scrolling back never shows a blank card. `loaded` is false until the first batch.
 */
export function useContacts(ids: readonly string[]): { contacts: ReadonlyMap<string, Contact>; loaded: boolean } {
  const cache = useRef(new Map<string, Contact>());
  const key = ids.join('|');
  const rows = useLiveQuery(async () => {
    const list = [...ids];
    const found = await getDb().contacts.bulkGet(list);
    return { key, pairs: list.map((id, i) => [id, found[i]] as const) };
  }, [key]);
  if (rows) {
    for (const [id, c] of rows.pairs) {
      if (c) cache.current.set(id, c);
      else cache.current.delete(id);
    }
  }
  return { contacts: cache.current, loaded: rows?.key === key || ids.length === 0 };
}
