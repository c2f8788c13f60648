import { browser } from 'wxt/browser';
import { prepareCapture } from '../capture/prepare';
import { RawPageCapture } from '../capture/raw';
import { PageReadTimeout, runReader } from '../capture/run-reader';
import type { ProspectorDb } from '../db/database';
import { type FirstScreenWire, loadFirstScreen, type PageRead, toWire } from '../popup/first-screen';
import { type RememberedPerson, recall } from '../popup/tab-memory';
import { type PopupTab, targetTab } from '../popup/target-tab';

/** The background's answer to 'popup.open'. `at`: when each step was done (epoch ms), for the benchmark's breakdown. */
export interface PopupOpened {
  tab: PopupTab;
  first: FirstScreenWire;
  at: { tab: number; read?: number; store: number };
}

/** What answering a popup needs from the browser (the real one in the background; fakes in unit tests). */
export interface PopupOpenDeps {
  /** The tab asked for, or the active tab of the window the rep last used (the popup's own window). */
  tab(tabId: number | undefined): Promise<PopupTab>;
  /** Runs the page reader in the tab and gives back its raw answer, untrusted (lib/capture/run-reader.ts). */
  reader(tabId: number): Promise<{ result?: unknown }[]>;
  recall(tabId: number | undefined, url: string): Promise<RememberedPerson[]>;
  now(): number;
}

const realDeps: PopupOpenDeps = {
  tab: (tabId) => targetTab(browser, tabId, 'lastFocusedWindow'),
  reader: (tabId) => runReader(tabId),
  recall,
  now: () => performance.timeOrigin + performance.now(),
};

/**
 * The page read for a popup: the reader run in the tab, its answer checked with the schema (it ran inside
 * someone else's page) and prepared. Never rejects: a page that cannot be read or did not answer in time is a
 * state the popup puts into words.
 */
export async function readForPopup(tabId: number | undefined, reader: PopupOpenDeps['reader']): Promise<PageRead> {
  if (tabId === undefined) return { state: 'failed' };
  let results: { result?: unknown }[];
  try {
    results = await reader(tabId);
  } catch (err) {
    if (err instanceof PageReadTimeout) return { state: 'stuck' };
    // The browser would not run the reader there (a browser page, the web store; the bundled practice page,
    // which the popup can still read through its own window: lib/capture/run-reader.ts).
    return { state: 'failed', refused: true };
  }
  const raw = RawPageCapture.safeParse(results[0]?.result);
  if (!raw.success) return { state: 'failed' };
  try {
    return { state: 'read', capture: prepareCapture(raw.data) };
  } catch (err) {
    console.error('Prospector: preparing the capture failed', err);
    return { state: 'failed' };
  }
}

interface Opening {
  tab: Promise<PopupTab>;
  read: Promise<PageRead>;
  /** The first screen, worked out once ('popup.open', or as soon as the popup starts loading). */
  answer?: Promise<PopupOpened>;
}

/**
 * An opening started by the popup's page load, for the page the background serves (lib/background/popup-page.ts):
 * its answer and page read, and `handed()` once they went into the page, where the popup reads them instead of
 * asking.
 */
export interface PopupOpening {
  answer: Promise<PopupOpened>;
  read: Promise<PageRead>;
  handed(): void;
}

/** How long an opening waits for its popup's second message before it is dropped (the popup closed at once). */
const FORGET_MS = 30_000;
/**
 * How long an opening started by the popup's page load waits for its first message (about 50 ms after it on an idle
 * machine): past it, the popup's message starts afresh rather than take an answer that old.
 */
const LOAD_WAIT_MS = 2_000;

/**
 * Answers the popup as it opens, from the background's database, already open and warm (opening a 100,000-contact
 * database in the popup cost it ~20 ms of its ~95 ms open). The popup sends two messages at once, under one id:
 * 'popup.open' for the first screen (the tab, the stages, who is on it with their deals) and 'popup.read' for the
 * page as read. The page is read once for both: whichever arrives first starts the read, the other joins it. When
 * the person is known without the page (the tab's URL, or who was on this page last time), the first screen is
 * answered before the page has been read. Where the browser shows the background the popup's page load
 * (lib/background/popup-navigation.ts), `loading` starts all of it then, and the popup's messages find it under way.
 */
export function popupOpens(db: ProspectorDb, deps: PopupOpenDeps = realDeps) {
  const openings = new Map<string, Opening>();
  /** The opening started by a popup's page load, for its first message. */
  let loaded: { tabId: number | undefined; at: number; opening: Opening } | undefined;
  const start = (tabId: number | undefined): Opening => {
    const tab = deps.tab(tabId);
    // A tab named by the popup is read at once, while its URL is looked up; the active tab once it is found.
    const read =
      tabId !== undefined ? readForPopup(tabId, deps.reader) : tab.then(({ id }) => readForPopup(id, deps.reader));
    return { tab, read };
  };
  /** The popup's page load's opening, if it is for this tab and recent; taken once. */
  const fromLoad = (tabId: number | undefined): Opening | undefined => {
    const found = loaded;
    if (!found || found.tabId !== tabId || deps.now() - found.at > LOAD_WAIT_MS) return undefined;
    loaded = undefined;
    return found.opening;
  };
  /** The opening `openId` names, started by the first of its two messages and handed to the second. */
  const take = (openId: string, tabId: number | undefined): Opening => {
    const started = openings.get(openId);
    if (started) {
      openings.delete(openId);
      return started;
    }
    const opening = fromLoad(tabId) ?? start(tabId);
    openings.set(openId, opening);
    setTimeout(() => openings.delete(openId), FORGET_MS);
    return opening;
  };
  const answer = async ({ tab, read }: Opening): Promise<PopupOpened> => {
    const on = await tab;
    const at: PopupOpened['at'] = { tab: deps.now(), store: 0 };
    void read.then(() => (at.read = deps.now()));
    const first = await loadFirstScreen(db, on.url, read, deps.recall(on.id, on.url));
    at.store = deps.now();
    return { tab: on, first: toWire(first), at };
  };
  const answerOf = (opening: Opening) => {
    opening.answer ??= answer(opening);
    return opening.answer;
  };
  return {
    open({ openId, tabId }: { openId: string; tabId?: number }): Promise<PopupOpened> {
      return answerOf(take(openId, tabId));
    },
    read({ openId, tabId }: { openId: string; tabId?: number }): Promise<PageRead> {
      return take(openId, tabId).read;
    },
    /** The popup (for `tabId`, or the active tab) started loading: its answer is worked out from now. */
    loading(tabId: number | undefined): PopupOpening {
      const opening = start(tabId);
      const mine = { tabId, at: deps.now(), opening };
      loaded = mine;
      // Seen by the popup's message that takes it, or the page; unhandled otherwise (a popup closed at once).
      const answer = answerOf(opening);
      answer.catch(() => undefined);
      return {
        answer,
        read: opening.read,
        handed: () => {
          if (loaded === mine) loaded = undefined;
        },
      };
    },
  };
}

/** The popups' openings, as the background's handlers and its page-load watch share them. */
export type PopupOpens = ReturnType<typeof popupOpens>;
