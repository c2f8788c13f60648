// Issue #15.2 (the extension's side): a page whose main thread is stuck in a microtask loop never answers the
// reader. Nothing of Prospector may wait for it forever: the popup says "could not be read" within 5 s, the
// shortcut shows why on the badge, the context menu saves from its own copy of the selection.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Extension, launchExtension, openPopupFor, readStore, serve, tabIdOf } from './harness';

interface CaptureTest {
  command(tabId: number): Promise<number>;
  menu(info: Record<string, unknown>, tab: { id: number; title?: string }): Promise<number>;
}
declare const prospectorCaptureTest: CaptureTest;

/** A page with a person on it that, once loaded, spins forever in microtasks (the event loop never turns again). */
const STUCK = `<!doctype html><html><head><title>Stuck team</title></head><body>
<h1>Our team</h1><p>Ann Lee, CEO — <a href="mailto:ann@stuck.test">ann@stuck.test</a></p>
<script>
  addEventListener('load', () => setTimeout(() => { const spin = () => Promise.resolve().then(spin); spin(); }, 50));
</script></body></html>`;

describe('a page stuck in a microtask loop', () => {
  let ext: Extension;
  let origin: string;
  let close: () => void;
  let stuck: Page;
  let tabId: number;

  beforeAll(async () => {
    const served = await serve('/nonexistent', { '/stuck.html': STUCK });
    origin = served.origin;
    close = () => served.server.close();
    ext = await launchExtension();
    stuck = await ext.context.newPage();
    await stuck.goto(`${origin}/stuck.html`);
    tabId = await tabIdOf(ext, stuck);
    // Past the load and the 50 ms: the page no longer runs anything but its loop.
    await new Promise((ok) => setTimeout(ok, 300));
  }, 60_000);
  afterAll(async () => {
    await ext?.close();
    close?.();
  });

  const call = <K extends keyof CaptureTest>(k: K, ...args: Parameters<CaptureTest[K]>) =>
    ext.worker.evaluate(([key, a]) => (prospectorCaptureTest[key] as (...x: unknown[]) => unknown)(...a), [
      k,
      args,
    ] as const) as ReturnType<CaptureTest[K]>;

  it('the popup says the page could not be read within 5 s', async () => {
    const popup = await openPopupFor(ext, stuck);
    await popup.getByTestId('page-stuck').waitFor({ timeout: 10_000 });
    // The popup's own clock: from its opening (the rep's click) to the message on screen, at most this.
    const took = await popup.evaluate(() => performance.now());
    expect(await popup.getByTestId('page-stuck').textContent()).toMatch(/could not be read/);
    expect(took).toBeLessThan(5000);
    await popup.close();
  }, 30_000);

  it('the shortcut gives up in time and says why on the badge', async () => {
    const started = Date.now();
    expect(await call('command', tabId)).toBe(-1);
    expect(Date.now() - started).toBeLessThan(5000);
    const title = await ext.worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);
    expect(title).toMatch(/could not be read/);
    expect(await ext.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('!');
  }, 30_000);

  it('the context menu gives up in time and saves from the menu’s own copy of the selection', async () => {
    const started = Date.now();
    const saved = await call(
      'menu',
      {
        menuItemId: 'prospector-save-selection',
        selectionText: 'Ann Lee, CEO, ann@stuck.test',
        pageUrl: `${origin}/stuck.html`,
        frameId: 0,
      },
      { id: tabId, title: 'Stuck team' },
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(saved).toBe(1);
    const store = await ext.context.newPage();
    await store.goto(ext.url('bench-empty.html'));
    const contacts = await readStore<{ emails: string[] }>(store, 'contacts');
    expect(contacts.some((c) => c.emails.includes('ann@stuck.test'))).toBe(true);
  }, 30_000);
});
