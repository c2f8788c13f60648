import { nativeBrowser } from '../native-browser';
import type { MatchKind } from './rank-people';

/**
 * Who the popup last found on each tab, kept for the browser session (storage.session: in memory, never on
 * disk, gone when the browser closes). Reopening the popup on the same page shows those contacts' stage at once,
 * while the page is read again and the answer refreshed. Only the stored contacts' ids are kept, never what the
 * page said.
 */
export interface RememberedPerson {
  contactId: string;
  match: MatchKind;
}
interface TabEntry {
  url: string;
  people: RememberedPerson[];
  at: number;
}
type Memory = Record<string, TabEntry>;

const KEY = 'popupTabPeople';
/** Tabs remembered at most (the least recently used go first). */
export const MAX_TABS = 30;

/** The memory with one tab's entry set (or removed when nobody known), trimmed to MAX_TABS. Pure. */
export function withTab(memory: Memory, tabId: number, entry: TabEntry): Memory {
  const next: Memory = { ...memory };
  delete next[String(tabId)];
  if (entry.people.length) next[String(tabId)] = { ...entry, people: entry.people.slice(0, 10) };
  const ids = Object.keys(next).sort((a, b) => next[b]!.at - next[a]!.at);
  for (const id of ids.slice(MAX_TABS)) delete next[id];
  return next;
}

/** Who was found on this tab at this URL last time; [] when unknown, another URL, or no session storage. */
export function recalled(memory: unknown, tabId: number, url: string): RememberedPerson[] {
  const entry = (memory as Memory | undefined)?.[String(tabId)];
  if (!entry || entry.url !== url || !url || !Array.isArray(entry.people)) return [];
  return entry.people.filter(
    (p) =>
      typeof p?.contactId === 'string' &&
      (p.match === 'email' || p.match === 'linkedin' || p.match === 'phone' || p.match === 'name'),
  );
}

// The browser's own API: recall runs on the popup's open path, before the polyfill has loaded.
const session = () => nativeBrowser().storage?.session;

export async function recall(tabId: number | undefined, url: string): Promise<RememberedPerson[]> {
  const store = session();
  if (tabId === undefined || !store) return [];
  try {
    return recalled((await store.get(KEY))[KEY], tabId, url);
  } catch {
    return [];
  }
}

export async function remember(tabId: number, url: string, people: RememberedPerson[], now: number): Promise<void> {
  const store = session();
  if (!store || !url) return;
  const memory = ((await store.get(KEY))[KEY] ?? {}) as Memory;
  await store.set({ [KEY]: withTab(memory, tabId, { url, people, at: now }) });
}
