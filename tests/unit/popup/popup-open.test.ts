import { describe, expect, it, vi } from 'vitest';
import { type PopupOpenDeps, popupOpens } from '@/lib/background/popup-open';
import { prepareCapture } from '@/lib/capture/prepare';
import { RawPageCapture } from '@/lib/capture/raw';
import { PageReadTimeout } from '@/lib/capture/run-reader';
import { createHandlers } from '@/lib/messaging/handlers';
import { createRouter } from '@/lib/messaging/router';
import type { Settings } from '@/lib/model';
import { saveCapture } from '@/lib/pipeline/capture';
import { fromWire, type PageRead } from '@/lib/popup/first-screen';
import { pageRead } from '@/lib/popup/read-page';
import { freshDb } from '../helpers';

const URL = 'http://127.0.0.1/loop/person.html';
/** What the page reader answers on the benchmark's page: Dewi, and a colleague nobody stored. */
const raw = {
  url: URL,
  title: 'Dewi',
  found: [
    { name: 'Dewi Lestari', emails: ['dewi.lestari@nusantara-logistics.test'], company: 'Nusantara Logistics' },
    { name: 'Budi Santoso', emails: ['budi@nusantara-logistics.test'], company: 'Nusantara Logistics' },
  ],
};

async function seeded() {
  const db = await freshDb();
  const capture = prepareCapture(RawPageCapture.parse({ url: URL, found: [raw.found[0]] }));
  const [saved] = await saveCapture(db, capture, { now: 1000, currency: 'USD', owner: '', startDeal: true });
  return { db, contactId: saved!.contactId, dealId: saved!.dealId! };
}

/** A reader that answers when told to (or never), counting its runs in the page. */
function pageReader(answer: () => unknown = () => raw) {
  const runs: number[] = [];
  let release: () => void = () => {};
  const released = new Promise<void>((ok) => (release = ok));
  return {
    runs,
    release,
    deps(over: Partial<PopupOpenDeps> = {}): PopupOpenDeps {
      return {
        tab: async (tabId) => ({ id: tabId ?? 7, url: URL }),
        reader: async (tabId) => {
          runs.push(tabId);
          await released;
          return [{ result: answer() }];
        },
        recall: async () => [],
        now: () => 0,
        ...over,
      };
    },
  };
}

describe("the popup's first screen, answered by the background", () => {
  it('reads the page once for both messages and finds the known person with her deal', async () => {
    const { db, contactId, dealId } = await seeded();
    const reader = pageReader();
    const popup = popupOpens(db, reader.deps());
    const read = popup.read({ openId: 'a', tabId: 7 });
    const opened = popup.open({ openId: 'a', tabId: 7 });
    reader.release();
    const [answer, page] = await Promise.all([opened, read]);
    expect(reader.runs).toEqual([7]);
    expect(answer.tab).toEqual({ id: 7, url: URL });
    const first = fromWire(JSON.parse(JSON.stringify(answer.first)));
    expect(first.read?.state).toBe('read');
    expect(first.people.map((p) => [p.contact?.id ?? null, p.match])).toEqual([
      [contactId, 'email'],
      [null, null],
    ]);
    expect(first.view?.deals.map((d) => d.id)).toEqual([dealId]);
    expect(first.stages.length).toBeGreaterThan(0);
    // Sent as JSON, each person's candidate is still one of the capture's own (the popup tells people apart by it).
    const capture = first.read?.state === 'read' ? first.read.capture : undefined;
    expect(first.people[1]?.candidate).toBe(capture?.candidates[1]);
    expect(first.people[1]?.candidate?.name).toBe('Budi Santoso');
    expect(page).toEqual(answer.first.read);
    // Another opening reads the page again: nothing is kept from one popup to the next.
    reader.release();
    await popup.open({ openId: 'b', tabId: 7 });
    expect(reader.runs).toEqual([7, 7]);
  });

  it('answers before the page is read when the person was found on this page last time', async () => {
    const { db, contactId, dealId } = await seeded();
    const reader = pageReader();
    const popup = popupOpens(
      db,
      reader.deps({
        recall: async (tabId, url) => (tabId === 7 && url === URL ? [{ contactId, match: 'email' }] : []),
      }),
    );
    // The reader has not answered: the first screen does not wait for it.
    const answer = await popup.open({ openId: 'a', tabId: 7 });
    expect(answer.first.read).toBeUndefined();
    expect(answer.first.people[0]?.contact?.id).toBe(contactId);
    expect(answer.first.view?.deals[0]?.id).toBe(dealId);
    const page = popup.read({ openId: 'a', tabId: 7 });
    reader.release();
    expect((await page).state).toBe('read');
    expect(reader.runs).toEqual([7]);
  });

  it('says why a page could not be read: stuck, refused by the browser, or a hostile answer', async () => {
    const { db } = await seeded();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const answerOf = async (reader: PopupOpenDeps['reader']) => {
      const popup = popupOpens(db, { ...pageReader().deps(), reader });
      const [answer, page] = await Promise.all([
        popup.open({ openId: 'x', tabId: 7 }),
        popup.read({ openId: 'x', tabId: 7 }),
      ]);
      expect(answer.first.read).toEqual(page);
      expect(answer.first.people).toEqual([]);
      return page;
    };
    expect(await answerOf(() => Promise.reject(new PageReadTimeout()))).toEqual({ state: 'stuck' });
    expect(await answerOf(() => Promise.reject(new Error('Cannot access a chrome:// URL')))).toEqual({
      state: 'failed',
      refused: true,
    });
    for (const hostile of ['not a capture', { url: URL, found: [{ name: { toString: 'evil' } }] }])
      expect(await answerOf(async () => [{ result: hostile }])).toEqual({ state: 'failed' });
    // No tab the extension may see: nothing is run anywhere.
    const nowhere = popupOpens(db, { ...pageReader().deps(), tab: async () => ({ id: undefined, url: '' }) });
    expect(await nowhere.read({ openId: 'y' })).toEqual({ state: 'failed' });
    error.mockRestore();
  });

  it('answers extension pages only, with the ids it is given checked', async () => {
    const { db } = await seeded();
    const self = { id: 'prospector-id', origin: 'chrome-extension://prospector-id/' };
    const route = createRouter(createHandlers({ db, settings: async () => ({}) as Settings, now: () => 1 }), self);
    const fromPage = { id: self.id, url: 'https://evil.test/', tab: { id: 3 } };
    expect(await route({ type: 'popup.open', payload: { openId: 'a', tabId: 3 } }, fromPage)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const fromPopup = { id: self.id, url: `${self.origin}popup.html` };
    expect(await route({ type: 'popup.read', payload: { openId: '', tabId: -1 } }, fromPopup)).toMatchObject({
      ok: false,
      code: 'invalid',
    });
  });

  it("starts as the popup's page starts loading: its messages take that answer, for its tab and while fresh", async () => {
    const { db, contactId } = await seeded();
    const reader = pageReader();
    let now = 0;
    const stores = vi.spyOn(db, 'transaction');
    const popup = popupOpens(db, reader.deps({ now: () => now }));
    popup.loading(7);
    reader.release();
    // The page read and the first screen are under way before the popup's first message.
    await vi.waitFor(() => expect(stores).toHaveBeenCalled());
    expect(reader.runs).toEqual([7]);
    now = 50;
    const answer = await popup.open({ openId: 'a', tabId: 7 });
    await popup.read({ openId: 'a', tabId: 7 });
    expect(reader.runs).toEqual([7]);
    expect(fromWire(answer.first).people[0]?.contact?.id).toBe(contactId);
    // Taken once: the next popup starts afresh; so does one for another tab, or one long after its page loaded.
    await popup.open({ openId: 'b', tabId: 7 });
    expect(reader.runs).toEqual([7, 7]);
    popup.loading(7);
    await popup.open({ openId: 'c', tabId: 8 });
    expect(reader.runs).toEqual([7, 7, 7, 8]);
    now = 10_000;
    await popup.open({ openId: 'd', tabId: 7 });
    expect(reader.runs).toEqual([7, 7, 7, 8, 7]);
  });

  it('gives the page load its answer and read; once handed to the page, no message takes it again', async () => {
    const { db, contactId } = await seeded();
    const reader = pageReader();
    const popup = popupOpens(db, reader.deps({ now: () => 0 }));
    const opening = popup.loading(7);
    reader.release();
    expect(fromWire((await opening.answer).first).people[0]?.contact?.id).toBe(contactId);
    expect((await opening.read).state).toBe('read');
    opening.handed();
    // Written into the popup's page: a later popup's message for the tab reads the page afresh.
    await popup.open({ openId: 'a', tabId: 7 });
    expect(reader.runs).toEqual([7, 7]);
    // Not handed (no page written): the popup's message takes it, as before.
    const kept = popup.loading(7);
    const taken = await popup.open({ openId: 'b', tabId: 7 });
    expect(taken).toBe(await kept.answer);
    expect(reader.runs).toEqual([7, 7, 7]);
  });
});

describe('the page as the popup shows it', () => {
  const capture = prepareCapture(RawPageCapture.parse(raw));
  const tab = Promise.resolve(7);

  it("takes the background's read, or reads the tab itself where the background could not", async () => {
    const local = vi.fn(async () => capture);
    const read: PageRead = { state: 'read', capture };
    expect(await pageRead(Promise.resolve(read), tab, local)).toBe(read);
    expect(await pageRead(Promise.resolve({ state: 'stuck' }), tab, local)).toEqual({ state: 'stuck' });
    expect(await pageRead(Promise.resolve({ state: 'failed' }), tab, local)).toEqual({ state: 'failed' });
    expect(local).not.toHaveBeenCalled();
    // The browser would not run the reader from the background (the practice page), or no answer at all.
    expect(await pageRead(Promise.resolve({ state: 'failed', refused: true }), tab, local)).toEqual(read);
    expect(await pageRead(Promise.resolve(undefined), tab, local)).toEqual(read);
    expect(local).toHaveBeenCalledTimes(2);
    expect(local).toHaveBeenCalledWith(7);
    // Its own read can still find nothing, or a page that never answers.
    expect(await pageRead(Promise.resolve(undefined), tab, async () => null)).toEqual({ state: 'failed' });
    expect(await pageRead(Promise.resolve(undefined), tab, () => Promise.reject(new PageReadTimeout()))).toEqual({
      state: 'stuck',
    });
  });
});
