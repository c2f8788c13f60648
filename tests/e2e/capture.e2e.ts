import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Extension, launchExtension, openPopupFor, ROOT, readStore, serve, tabIdOf } from './harness';

/**
 * The capture engine through the real extension in real Chromium. Headless Chromium can neither press a keyboard
 * shortcut nor click a context menu, so those paths are driven through the service worker
 * (`prospectorCaptureTest`, present only in the e2e build): it calls exactly what the command and menu listeners
 * call. Saved Gmail pages are shown at their real URL by Playwright's request routing: nothing leaves the machine.
 */

interface CaptureTest {
  read(
    tabId: number,
  ): Promise<{ candidates: { name: string; emails: string[]; jobTitle: string; phones: string[] }[] }>;
  command(tabId: number): Promise<number>;
  menu(info: Record<string, unknown>, tab: { id: number; title?: string }): Promise<number>;
}
declare const prospectorCaptureTest: CaptureTest;

type Contact = {
  id: string;
  name: string;
  emails: string[];
  phones: string[];
  jobTitle: string;
  company: string;
  deletedAt: number | null;
};

describe('capture in real Chromium', () => {
  let ext: Extension;
  let origin: string;
  let close: () => void;
  let store: Page;

  beforeAll(async () => {
    const served = await serve(`${ROOT}/tests/fixtures`);
    origin = served.origin;
    close = () => served.server.close();
    ext = await launchExtension();
    store = await ext.context.newPage();
    await store.goto(ext.url('bench-empty.html'));
  });
  afterAll(async () => {
    await ext?.close();
    close?.();
  });

  const contacts = () => readStore<Contact>(store, 'contacts');
  const named = async (name: string) => (await contacts()).filter((c) => c.name === name && c.deletedAt === null);
  const badge = (tabId: number) => ext.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  const call = <K extends keyof CaptureTest>(k: K, ...args: Parameters<CaptureTest[K]>) =>
    ext.worker.evaluate(([key, a]) => (prospectorCaptureTest[key] as (...x: unknown[]) => unknown)(...a), [
      k,
      args,
    ] as const) as ReturnType<CaptureTest[K]>;

  /** Opens a saved page as if served at `url`; every other request is refused. */
  async function openAt(file: string, url: string): Promise<Page> {
    const body = await readFile(`${ROOT}/tests/fixtures/${file}`);
    const page = await ext.context.newPage();
    await page.route('**/*', (route) =>
      route.request().isNavigationRequest() && route.request().url().startsWith(url.split('#')[0]!)
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body })
        : route.abort(),
    );
    await page.goto(url);
    return page;
  }

  it('shows the people of a team page in the popup (the first for review, the others listed)', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${origin}/generic/team-page.html`);
    const popup = await openPopupFor(ext, page);
    const shown = async () => [
      ...(await popup.getByTestId('candidate-name').allTextContents()),
      ...(await popup.locator('[data-testid="person-row"] .person-name').allTextContents()),
    ];
    await expect
      .poll(shown, { timeout: 15_000 })
      .toEqual(expect.arrayContaining(['Olivia Bennett', 'Raj Patel', 'Mei Lin Wong', "Thomas O'Brien"]));
    await popup.close();
    await page.close();
  });

  it('the shortcut saves the page’s people and shows how many on the tab’s badge; again, it merges', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${origin}/generic/team-page.html`);
    const tabId = await tabIdOf(ext, page);
    const read = await call('read', tabId);
    expect(read.candidates.find((c) => c.name === 'Mei Lin Wong')).toMatchObject({
      jobTitle: 'VP Sales, APAC',
      phones: ['+61291234567'],
    });
    const saved = await call('command', tabId);
    // Grace Kim has no address or profile, but the team page names her company (issue 11.6): name and company
    // recognise her again, so the unreviewed capture saves her too, once.
    expect(saved).toBe(read.candidates.length);
    expect(await badge(tabId)).toBe(String(saved));
    expect(await named('Olivia Bennett')).toMatchObject([
      { emails: ['olivia.bennett@harbourline.example'], company: 'Harbourline Analytics' },
    ]);
    await call('command', tabId);
    expect(await named('Olivia Bennett')).toHaveLength(1);
    expect(await named('Grace Kim')).toMatchObject([{ jobTitle: 'Board Director', company: 'Harbourline Analytics' }]);
    await page.close();
  });

  it('reads a page that redefines Array.prototype, JSON and the DOM methods (the reader runs in its own world)', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${origin}/hostile/redefined-builtins.html`);
    // The page's own world is broken (Playwright's helpers cannot even run there): ask it through the protocol.
    const cdp = await ext.context.newCDPSession(page);
    const probe = await cdp.send('Runtime.evaluate', {
      expression:
        'JSON.parse("{}").name + " / " + (() => { try { new Map(); return "Map works"; } catch (e) { return e.message; } })()',
      returnByValue: true,
    });
    expect(probe.result.value).toBe('Forged by JSON.parse / no Map');
    const read = await call('read', await tabIdOf(ext, page));
    expect(read.candidates).toMatchObject([
      { name: 'Rosa Fernández', emails: ['rosa.fernandez@iberia-foods.example'], phones: ['+34912345678'] },
    ]);
    await page.close();
  });

  it('"Save selection as prospect" parses the selected text, with an address only in a selected link', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${origin}/generic/nobody.html`);
    await page.evaluate(() => {
      const div = document.createElement('div');
      div.id = 'sig';
      div.innerHTML =
        '<p>Valentina Rossi<br>Head of Purchasing | Dolce Vita Foods S.p.A.<br>M: +39 347 123 4567<br><a href="mailto:v.rossi@dolcevita.example">Email me</a></p>';
      document.body.append(div);
      getSelection()!.selectAllChildren(div);
    });
    const tabId = await tabIdOf(ext, page);
    const saved = await call(
      'menu',
      { menuItemId: 'prospector-save-selection', selectionText: 'flattened copy', pageUrl: page.url(), frameId: 0 },
      { id: tabId },
    );
    expect(saved).toBe(1);
    expect(await badge(tabId)).toBe('1');
    expect(await named('Valentina Rossi')).toMatchObject([
      {
        jobTitle: 'Head of Purchasing',
        company: 'Dolce Vita Foods S.p.A.',
        emails: ['v.rossi@dolcevita.example'],
        phones: ['+393471234567 (mobile)'],
      },
    ]);
    await page.close();
  });

  it('"Save email address as prospect" takes the mailto link’s address and its text as the name', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${origin}/generic/team-page.html`);
    const tabId = await tabIdOf(ext, page);
    const linkUrl = await page.evaluate(
      () => (document.querySelector('a[href^="mailto:hello@"]') as HTMLAnchorElement).href,
    );
    expect(
      await call(
        'menu',
        { menuItemId: 'prospector-save-email', linkUrl, pageUrl: page.url(), frameId: 0 },
        { id: tabId },
      ),
    ).toBe(1);
    const hello = (await contacts()).filter((c) => c.emails.includes('hello@harbourline.example'));
    expect(hello).toHaveLength(1);
    // A link that is not mailto: does nothing.
    expect(
      await call(
        'menu',
        { menuItemId: 'prospector-save-email', linkUrl: `${origin}/x`, pageUrl: page.url() },
        { id: tabId },
      ),
    ).toBe(0);
    await page.close();
  });

  it('reads Gmail as the rep sees it now: the open thread, then another after in-app navigation', async () => {
    const page = await openAt(
      'gmail/single-message.html',
      'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmLqbRtNvPwXzHhGkTpl',
    );
    const tabId = await tabIdOf(ext, page);
    const first = await call('read', tabId);
    expect(first.candidates.map((c) => c.name)).toEqual(['Priya Natarajan']);
    // Gmail swaps the thread and the URL without reloading the page.
    const next = await readFile(`${ROOT}/tests/fixtures/gmail/forwarded.html`, 'utf8');
    await page.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      document.body.replaceWith(document.adoptNode(doc.body));
      history.pushState({}, '', '#label/Leads/FMfcgzQXKbvTrWqPnLmD');
    }, next);
    const second = await call('read', tabId);
    expect(second.candidates.map((c) => c.name)).toEqual(['Lars Eriksson', 'Ingrid Holm']);
    expect(second.candidates[0]).toMatchObject({ jobTitle: 'Head of Procurement', phones: ['+46701234567 (mobile)'] });
    await page.close();
  });

  it('ends ten tabs capturing the same person at the same time as one contact', async () => {
    const pages = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const p = await ext.context.newPage();
        await p.goto(`${origin}/loop/person.html`);
        return p;
      }),
    );
    const tabIds: number[] = [];
    for (const p of pages) tabIds.push(await tabIdOf(ext, p));
    const results = await ext.worker.evaluate(
      (ids) => Promise.all(ids.map((id) => prospectorCaptureTest.command(id))),
      tabIds,
    );
    expect(results).toEqual(Array(10).fill(1));
    const [dewi] = await named('Dewi Lestari');
    expect(await named('Dewi Lestari')).toHaveLength(1);
    // A capture saves a lead: no deal yet (a new install's setting).
    expect(await readStore(store, 'deals')).toEqual([]);
    // Ten popups saving her at once with "Save and start deal": still one contact, and one deal, not ten.
    const saves = await store.evaluate(() =>
      Promise.all(
        Array.from({ length: 10 }, () =>
          chrome.runtime.sendMessage({
            type: 'capture.save',
            payload: {
              capture: {
                url: 'http://127.0.0.1/',
                site: 'web',
                candidates: [{ name: 'Dewi Lestari', emails: ['dewi.lestari@nusantara-logistics.test'] }],
              },
              startDeal: true,
            },
          }),
        ),
      ),
    );
    expect(saves.every((r) => (r as { ok: boolean }).ok)).toBe(true);
    expect(await named('Dewi Lestari')).toHaveLength(1);
    const deals = await readStore<{ contactId: string }>(store, 'deals');
    expect(deals.filter((d) => d.contactId === dewi!.id)).toHaveLength(1);
    for (const p of pages) await p.close();
  });

  it('the background refuses a page reader answer that is not the reader’s shape', async () => {
    const res = await store.evaluate(() =>
      chrome.runtime.sendMessage({
        type: 'capture.prepare',
        payload: { raw: { url: 'x', found: [{ name: 'a'.repeat(10_000) }] } },
      }),
    );
    expect(res).toMatchObject({ ok: false, code: 'invalid' });
  });
});
