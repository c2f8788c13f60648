import { describe, expect, it, vi } from 'vitest';
import { prepareCapture } from '@/lib/capture/prepare';
import { PageReadTimeout } from '@/lib/capture/run-reader';
import { createRouter } from '@/lib/messaging/router';
import { type PageReaderApi, readPage } from '@/lib/popup/read-page';

const self = { id: 'prospector-id', origin: 'chrome-extension://prospector-id/' };
const fromPopup = { id: self.id, url: `${self.origin}popup.html` };
// The background's real router and preparer: the popup no longer validates the page's answer itself, so what
// it sends must be checked where it lands.
const route = createRouter({ 'capture.prepare': async ({ raw }) => prepareCapture(raw) }, self);

function api(result: unknown, overrides: Partial<PageReaderApi> = {}): PageReaderApi & { sent: unknown[] } {
  const sent: unknown[] = [];
  return {
    sent,
    executeScript: async () => [{ result }],
    sendMessage: async (m) => {
      sent.push(m);
      return route(m, fromPopup);
    },
    ...overrides,
  };
}

const page = {
  url: 'http://127.0.0.1/team.html',
  title: 'Team',
  found: [{ name: '  Dewi   Lestari ', emails: ['Dewi.Lestari@Nusantara-Logistics.test'], company: 'Nusantara' }],
};

describe('readPage (the popup reading its tab)', () => {
  it('returns the people on the page as the background prepared them', async () => {
    const capture = await readPage(7, api(page));
    expect(capture?.candidates).toHaveLength(1);
    expect(capture?.candidates[0]).toMatchObject({
      name: 'Dewi Lestari',
      emails: ['dewi.lestari@nusantara-logistics.test'],
    });
  });

  it('reads nothing without a tab, or where the browser refuses to run the reader', async () => {
    const refusing = api(page, { executeScript: () => Promise.reject(new Error('Cannot access a chrome:// URL')) });
    expect(await readPage(undefined, api(page))).toBeNull();
    expect(await readPage(7, refusing)).toBeNull();
    expect(refusing.sent).toEqual([]);
    expect(await readPage(7, api(undefined))).toBeNull();
  });

  it('gives up on a page that never answers, with its own error, and sends nothing', async () => {
    const stuck = api(page, { executeScript: () => new Promise(() => {}) });
    const started = performance.now();
    await expect(readPage(7, stuck, 50)).rejects.toBeInstanceOf(PageReadTimeout);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(stuck.sent).toEqual([]);
    // A page that answers in time is read as usual.
    const slow = api(page, { executeScript: () => new Promise((ok) => setTimeout(() => ok([{ result: page }]), 10)) });
    expect((await readPage(7, slow, 1000))?.candidates).toHaveLength(1);
  });

  it('treats an answer the background refuses (a hostile or broken page) as a page it cannot read', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const hostile of [
      'not a capture',
      { url: 'x'.repeat(9000), found: [] },
      { url: 'http://127.0.0.1/', found: [{ name: { toString: 'evil' } }] },
      { url: 'http://127.0.0.1/', found: Array.from({ length: 100_000 }, () => ({ name: 'x' })) },
    ]) {
      const reader = api(hostile);
      expect(await readPage(7, reader)).toBeNull();
      expect(reader.sent).toHaveLength(1);
    }
    // A refusal is the page's fault, not a bug to report.
    expect(error).not.toHaveBeenCalled();
  });

  it('asks once more when the service worker was asleep, and gives up quietly after that', async () => {
    let calls = 0;
    const waking = api(page, {
      sendMessage: async (m) => {
        if (++calls === 1) throw new Error('Could not establish connection. Receiving end does not exist.');
        return route(m, fromPopup);
      },
    });
    expect((await readPage(7, waking))?.candidates).toHaveLength(1);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const gone = api(page, { sendMessage: () => Promise.reject(new Error('gone')) });
    expect(await readPage(7, gone)).toBeNull();
    expect(error).toHaveBeenCalledOnce();
  });
});
