// The e2e tests' helpers. Launching the built extension and serving pages live in scripts/support/browser.ts,
// shared with the benchmarks (scripts/ never imports from tests/).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { type Extension, ROOT, tabIdOf } from '../../scripts/support/browser';

export * from '../../scripts/support/browser';

/**
 * Stops the extension's service worker as the browser does when it is idle, from chrome://serviceworker-internals,
 * and waits until it is stopped. Gives back its running status as that page shows it, to see it start again, and
 * the page to close.
 */
export async function stopWorker(
  ext: Extension,
): Promise<{ status: () => Promise<string | undefined>; internals: Page }> {
  const internals = await ext.context.newPage();
  await internals.goto('chrome://serviceworker-internals/');
  const status = async () =>
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text puts "Running Status:" and its value side by side; textContent does not. A test page, not a product path.
    (await internals.locator('body').innerText()).match(/Running Status: (\w+)/)?.[1];
  await expect.poll(status).toBe('RUNNING');
  await internals.getByText('Stop', { exact: true }).first().click();
  await expect.poll(status).toBe('STOPPED');
  return { status, internals };
}

/** Opens the popup for the tab showing `page` (popup.html?tabId=N, the popup's test seam). */
export async function openPopupFor(ext: Extension, page: Page): Promise<Page> {
  const popup = await ext.context.newPage();
  await popup.goto(ext.url(`popup.html?tabId=${await tabIdOf(ext, page)}`));
  return popup;
}

/** Rows of one object store of the extension's real IndexedDB, read from an extension page. */
export async function readStore<T = Record<string, unknown>>(extPage: Page, store: string): Promise<T[]> {
  return extPage.evaluate(
    (name) =>
      new Promise<T[]>((ok, fail) => {
        const open = indexedDB.open('prospector');
        // Never create the database from a test (the extension has not opened it yet): fail, and a poll retries.
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => fail(open.error ?? new Error('no database yet'));
        open.onsuccess = () => {
          try {
            const req = open.result.transaction(name).objectStore(name).getAll();
            req.onsuccess = () => {
              open.result.close();
              ok(req.result as T[]);
            };
            req.onerror = () => fail(req.error);
          } catch (err) {
            // A store this database does not have (yet): an error the caller sees, never a promise left hanging.
            open.result.close();
            fail(err);
          }
        };
      }),
    store,
  );
}

const AXE_PATH = resolve(ROOT, 'node_modules/axe-core/axe.min.js');

/**
 * axe-core's serious and critical violations on the page, one line each ("rule: selectors"). The source is
 * evaluated rather than added as a script tag: extension pages' CSP blocks inline scripts.
 */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(await readFile(AXE_PATH, 'utf8'));
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global script.
    const axe = (globalThis as any).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v: { id: string; nodes: { target: string[] }[] }) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      );
  });
}

/** Sends one message of the protocol from an extension page, as the page's own code would; returns the reply. */
export async function sendFrom<T = unknown>(extPage: Page, type: string, payload: unknown): Promise<T> {
  return extPage.evaluate(([type, payload]) => chrome.runtime.sendMessage({ type, payload }), [type, payload] as const);
}
