// Extension pages under their own CSP in real Chromium: zod runs jitless, so the options page (which builds its
// schemas as it opens) reports no CSP violation (tests/unit/layers checks every entry's order); a connection to anything but the extension,
// https or this computer is refused by the browser before any request leaves (nothing touches the network).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Extension, launchExtension } from './harness';

/** Records the page's CSP violations from its first script on, as "directive blocked-URI". */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (globalThis as { __csp?: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (globalThis as { __csp?: string[] }).__csp ?? []);
}

describe('extension pages under their CSP', () => {
  let ext: Extension;
  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('the options page builds its schemas without an eval probe: no CSP report', async () => {
    const page = await ext.context.newPage();
    const violations = await watchViolations(page);
    await page.goto(ext.url('options.html#settings'));
    await page.getByTestId('stage-editor').waitFor();
    // Parse something with zod here, in the page, after its schemas were built.
    await page.getByTestId('settings-currency').selectOption('EUR');
    await expect
      .poll(() => page.evaluate(async () => (await chrome.storage.local.get('settings')).settings))
      .toMatchObject({ currency: 'EUR' });
    expect(await violations()).toEqual([]);
    await page.close();
  });

  it('refuses connections to anywhere but the extension, https and this computer, before any request', async () => {
    const page = await ext.context.newPage();
    const violations = await watchViolations(page);
    await page.goto(ext.url('options.html#settings'));
    await page.getByTestId('stage-editor').waitFor();
    // 192.0.2.1 is TEST-NET-1 (documentation only): were the request to leave, it would go nowhere.
    const result = await page.evaluate(() =>
      fetch('http://192.0.2.1:5984/').then(
        () => 'connected',
        (e: Error) => e.name,
      ),
    );
    expect(result).toBe('TypeError');
    await expect.poll(violations).toEqual(['connect-src http://192.0.2.1:5984/']);
    await page.close();
  });
});
