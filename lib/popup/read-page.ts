import { PageReadTimeout, READ_TIMEOUT_MS, runReader, withTimeout } from '../capture/run-reader';
import type { Reply } from '../messaging/protocol';
import type { PageCapture } from '../model';
import { nativeBrowser } from '../native-browser';
import type { PageRead } from './first-screen';

/** The browser calls readPage makes (the real browser in the popup; a fake in unit tests). */
export interface PageReaderApi {
  executeScript(tabId: number): Promise<{ result?: unknown }[]>;
  sendMessage(message: unknown): Promise<unknown>;
}

const realApi: PageReaderApi = {
  executeScript: runReader,
  sendMessage: (message) => nativeBrowser().runtime.sendMessage(message),
};

/**
 * The popup's page read, on its open path: the injected reader runs in the tab (activeTab), and its raw answer
 * goes straight to the background's 'capture.prepare', which parses it with the message table's zod schema on
 * receipt (lib/messaging/router.ts) and normalises it. The popup itself loads neither zod nor the message table
 * for this: building the table's schemas costs more than the rest of the first screen's code together
 * (measured: npm run bench -- popup-open). Null when the page cannot be read (a browser page, the web store, a
 * closed tab) or gave an answer the background refused; the popup then says it cannot read the page. Rejects
 * with PageReadTimeout when the page did not answer in time (lib/capture/run-reader.ts): the popup says so.
 */
export async function readPage(
  tabId: number | undefined,
  api: PageReaderApi = realApi,
  timeoutMs = READ_TIMEOUT_MS,
): Promise<PageCapture | null> {
  if (tabId === undefined) return null;
  let results: { result?: unknown }[];
  try {
    // Bounded here too, whatever reader api is given (runReader bounds its own call the same way).
    results = await withTimeout(api.executeScript(tabId), timeoutMs);
  } catch (err) {
    if (err instanceof PageReadTimeout) throw err;
    return null; // the browser refused to run the reader there: nothing to report but "cannot read"
  }
  // A step of the open for the benchmark's breakdown (npm run bench -- popup-open): the page has answered, the
  // background has yet to prepare its answer.
  performance.mark('popup:page-answered');
  const raw = results[0]?.result;
  if (raw === undefined || raw === null) return null;
  let reply: Reply<PageCapture> | undefined;
  // Once more if the service worker was asleep or restarting (as lib/messaging/client.ts does).
  for (let attempt = 0; attempt < 2 && !reply; attempt++) {
    try {
      reply = (await api.sendMessage({ type: 'capture.prepare', payload: { raw } })) as Reply<PageCapture> | undefined;
    } catch (err) {
      if (attempt === 1) console.error('Prospector: the background did not answer', err);
    }
  }
  if (!reply) return null;
  if (!reply.ok) {
    // 'invalid': the page's answer failed validation (a hostile or broken page); anything else is our fault.
    if (reply.code !== 'invalid') console.error('Prospector: preparing the capture failed', reply.error);
    return null;
  }
  return reply.data;
}

/** The browser would not run the reader from the background: the popup reads the tab itself (pageRead). */
export const readsHere = (read: PageRead): boolean => read.state === 'failed' && read.refused === true;

/**
 * The page as the popup shows it: the background's read (`fromBackground`, 'popup.read'), or, where the browser
 * would not run the reader from there or the background did not answer, the popup's own read of its tab
 * (readPage): the bundled practice page can only be read through its own window, which only the popup reaches.
 */
export async function pageRead(
  fromBackground: Promise<PageRead | undefined>,
  tabId: Promise<number | undefined>,
  read: (tabId: number | undefined) => Promise<PageCapture | null> = readPage,
): Promise<PageRead> {
  const answer = await fromBackground;
  if (answer && !readsHere(answer)) return answer;
  try {
    const capture = await read(await tabId);
    return capture ? { state: 'read', capture } : { state: 'failed' };
  } catch (err) {
    return err instanceof PageReadTimeout ? { state: 'stuck' } : { state: 'failed' };
  }
}
