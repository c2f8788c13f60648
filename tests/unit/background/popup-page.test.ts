import { describe, expect, it, vi } from 'vitest';
import type { PopupOpened, PopupOpening } from '@/lib/background/popup-open';
import { pageOf, popupPages, servePopupPage } from '@/lib/background/popup-page';
import { FIRST_DATA_ID, type FirstData } from '@/lib/popup/first-data';

const HTML =
  '<!DOCTYPE html><html><head><script type="module" src="/chunks/popup.js"></script></head><body><div id="app"></div></body></html>';
const CSP = "default-src 'self'; script-src 'self'";

const answer: PopupOpened = {
  tab: { id: 7, url: 'https://example.test/' },
  first: { stages: [], read: undefined, view: null, remembered: [], people: [] } as unknown as PopupOpened['first'],
  at: { tab: 1, store: 2 },
};
const first: FirstData = { tabId: 7, opened: answer, read: { state: 'failed' }, settings: undefined };

/** The response's body, chunk by chunk, as the browser receives it. */
async function chunksOf(response: Response): Promise<string[]> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const chunks: string[] = [];
  for (let part = await reader.read(); !part.done; part = await reader.read()) chunks.push(decoder.decode(part.value));
  return chunks;
}

describe("the popup's page, served by the background", () => {
  it('splits the HTML after the root, or refuses a page without one', () => {
    expect(pageOf(HTML)).toEqual({
      head: HTML.slice(0, HTML.indexOf('</body>')),
      tail: '</body></html>',
    });
    expect(pageOf('<html><body></body></html>')).toBeNull();
  });

  it('sends everything up to the root at once, then the answer and the rest, with the pages’ CSP', async () => {
    let answered: (data: FirstData) => void = () => {};
    const data = new Promise<FirstData>((ok) => (answered = ok));
    const written = vi.fn();
    const response = servePopupPage(pageOf(HTML)!, data, CSP, 1_000, written);
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const reader = response.body!.getReader();
    // The head, with the module script, before the answer is in: the browser can fetch the popup's files.
    const head = new TextDecoder().decode((await reader.read()).value);
    expect(head).toBe(pageOf(HTML)!.head);
    expect(written).not.toHaveBeenCalled();
    answered(first);
    const rest = new TextDecoder().decode((await reader.read()).value);
    expect(rest).toMatch(
      new RegExp(`^<script type="application/json" id="${FIRST_DATA_ID}">.*</script></body></html>$`),
    );
    expect(JSON.parse(rest.slice(rest.indexOf('>') + 1, rest.indexOf('</script>')))).toEqual(
      JSON.parse(JSON.stringify(first)),
    );
    expect((await reader.read()).done).toBe(true);
    expect(written).toHaveBeenCalledOnce();
  });

  it('does not wait past its limit, nor on a failed answer: the page is whole without it', async () => {
    const written = vi.fn();
    const never = new Promise<FirstData>(() => {});
    expect((await chunksOf(servePopupPage(pageOf(HTML)!, never, CSP, 5, written))).join('')).toBe(HTML);
    const failed = Promise.reject(new Error('store closed'));
    expect((await chunksOf(servePopupPage(pageOf(HTML)!, failed, CSP, 1_000, written))).join('')).toBe(HTML);
    expect(written).not.toHaveBeenCalled();
  });

  it('starts the answer on every load; serves the page once its HTML is read and there is a CSP', async () => {
    const handed = vi.fn();
    const open = vi.fn(
      async (): Promise<PopupOpening> => ({
        answer: Promise.resolve(answer),
        read: Promise.resolve(first.read),
        handed,
      }),
    );
    const settings = async () => ({ locale: 'id' });
    const url = new URL('chrome-extension://abc/popup.html?tabId=7');

    const noCsp = popupPages({ csp: undefined, html: Promise.resolve(HTML), open, settings });
    await Promise.resolve();
    expect(noCsp(url)).toBeUndefined();
    expect(open).toHaveBeenLastCalledWith(7);

    let html: (text: string) => void = () => {};
    const serve = popupPages({ csp: CSP, html: new Promise((ok) => (html = ok)), open, settings });
    expect(serve(url)).toBeUndefined();
    html(HTML);
    await Promise.resolve();
    const page = (await chunksOf(serve(url)!)).join('');
    expect(open).toHaveBeenCalledTimes(3);
    expect(page).toContain('"settings":{"locale":"id"}');
    expect(page).toContain('"tabId":7');
    await vi.waitFor(() => expect(handed).toHaveBeenCalledOnce());
  });
});
