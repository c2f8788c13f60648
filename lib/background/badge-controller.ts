import { liveQuery, type Subscription } from 'dexie';
import type { ProspectorDb } from '../db/database';
import type { Settings } from '../model';
import { autoSiteOf, type BadgeView, badgeFor, lookupFromUrl, NO_BADGE } from '../popup/badge';
import type { PersonLookup } from '../popup/rank-people';

/** What the badge remembers of a tab: its URL and who is on it (kept across service-worker restarts). */
export interface TabPeople {
  url: string;
  people: PersonLookup[];
}

export interface BadgeDeps {
  db: ProspectorDb;
  settings: () => Promise<Settings>;
  now: () => number;
  /** permissions.contains for these origins. */
  hasPermission: (origins: string[]) => Promise<boolean>;
  /** Reads the people on a tab (the injected reader); null when the page cannot be read. */
  readPeople: (tabId: number) => Promise<PersonLookup[] | null>;
  show: (tabId: number, view: BadgeView) => Promise<void>;
  /** storage.session, where the browser has it: an MV3 worker sleeps and forgets; the tabs do not. */
  session?: {
    load: () => Promise<Record<string, TabPeople>>;
    save: (tabs: Record<string, TabPeople>) => Promise<void>;
  };
  /** Wait after a tab changes before reading it (single-page apps change the URL before the content). */
  settleMs?: number;
}

/**
 * Keeps each opted-in tab's badge current: read when the tab loads or changes URL, then a live query over the
 * people found, so a stage moved in the popup or on the board shows on the badge at once.
 */
export function createBadgeController(deps: BadgeDeps) {
  const tabs = new Map<number, TabPeople & { sub?: Subscription }>();
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  /** Each tab's latest refresh: an older one that finishes late (a slow page read) changes nothing. */
  const latest = new Map<number, number>();
  let generation = 0;

  const persist = () =>
    deps.session
      ?.save(Object.fromEntries([...tabs].map(([id, { url, people }]) => [String(id), { url, people }])))
      .catch(() => undefined);

  function watch(tabId: number, state: TabPeople, gen: number) {
    tabs.get(tabId)?.sub?.unsubscribe();
    const sub = liveQuery(() => badgeFor(deps.db, state.people, deps.now())).subscribe({
      next: (view) => {
        // A tab that closed meanwhile cannot show anything: forget it.
        if (latest.get(tabId) === gen) void deps.show(tabId, view).catch(() => forget(tabId));
      },
      error: (err) => console.warn('Prospector: badge query failed', err),
    });
    tabs.set(tabId, { ...state, sub });
  }

  async function clear(tabId: number) {
    const had = tabs.has(tabId);
    forget(tabId);
    if (had) await deps.show(tabId, NO_BADGE).catch(() => undefined);
  }

  function forget(tabId: number) {
    tabs.get(tabId)?.sub?.unsubscribe();
    tabs.delete(tabId);
    latest.delete(tabId);
    clearTimeout(timers.get(tabId));
    timers.delete(tabId);
    void persist();
  }

  /** Whether automatic detection covers this URL: the site switched on in Settings and its permission granted. */
  async function optedIn(url: string): Promise<boolean> {
    const on = autoSiteOf(url);
    if (!on || !(await deps.settings()).autoDetect.includes(on.site)) return false;
    // This tab's own origin: a grant made before the site gained a host (Outlook's cloud.microsoft) still counts.
    return deps.hasPermission([on.origin]).catch(() => false);
  }

  async function refresh(tabId: number, url: string): Promise<void> {
    const gen = ++generation;
    latest.set(tabId, gen);
    if (!(await optedIn(url))) return latest.get(tabId) === gen ? clear(tabId) : undefined;
    const fromUrl = lookupFromUrl(url);
    const people = fromUrl ? [fromUrl] : await deps.readPeople(tabId);
    if (latest.get(tabId) !== gen) return;
    if (people === null) return clear(tabId);
    watch(tabId, { url, people }, gen);
    await persist();
  }

  return {
    refresh,
    forget,
    /** A tab loaded or changed URL: read it once it settles. */
    schedule(tabId: number, url: string) {
      clearTimeout(timers.get(tabId));
      timers.set(
        tabId,
        setTimeout(() => {
          timers.delete(tabId);
          void refresh(tabId, url);
        }, deps.settleMs ?? 600),
      );
    },
    /** Settings or permissions changed: re-check every tab the badge knows. */
    async refreshAll() {
      await Promise.all([...tabs].map(([id, { url }]) => refresh(id, url)));
    },
    /** After a service-worker restart: watch the tabs it knew again (without re-reading their pages). */
    async restore() {
      const saved: Record<string, TabPeople> = (await deps.session?.load().catch(() => ({}))) ?? {};
      for (const [id, state] of Object.entries(saved)) {
        const tabId = Number(id);
        if (tabs.has(tabId) || !Number.isInteger(tabId)) continue;
        if (!(await optedIn(state.url))) continue;
        const gen = ++generation;
        latest.set(tabId, gen);
        watch(tabId, state, gen);
      }
    },
    /** For tests: the tabs being watched. */
    watched: () => [...tabs.keys()],
  };
}

export type BadgeController = ReturnType<typeof createBadgeController>;
