// First run in real Chromium: the welcome page opens on install, in the rep's language, with the shortcut; the
// bundled practice page is read by the real reader through the popup and its people saved; the demo pipeline
// loads marked as demo, stays out of CSV exports, and goes in one click leaving the rep's own contact.

import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Extension, launchExtension, openPopupFor, readStore, seriousA11yViolations } from './harness';

describe('first run', () => {
  let ext: Extension;
  let welcome: Page;

  beforeAll(async () => {
    ext = await launchExtension(undefined, '', { keepWelcome: true });
    const isWelcome = (p: Page) => p.url().endsWith('/welcome.html');
    welcome = ext.context.pages().find(isWelcome) ?? (await ext.context.waitForEvent('page', { predicate: isWelcome }));
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('opens the welcome page on install: three steps, the real shortcut, no accessibility faults', async () => {
    await welcome.waitForLoadState();
    await expect.poll(() => welcome.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome to Prospector');
    expect(await welcome.getByTestId('welcome-steps').locator('li').count()).toBe(3);
    await expect.poll(() => welcome.getByTestId('welcome-capture-shortcut').textContent()).toBe('Alt+Shift+S');
    for (const scheme of ['light', 'dark'] as const) {
      await welcome.emulateMedia({ colorScheme: scheme });
      expect(await seriousA11yViolations(welcome), scheme).toEqual([]);
    }
  });

  it('captures the practice page through the popup, with the real reader', async () => {
    const opened = ext.context.waitForEvent('page');
    await welcome.getByTestId('welcome-practice').click();
    const practice = await opened;
    await practice.waitForLoadState();
    await expect
      .poll(() => practice.evaluate(() => typeof (window as { prospectorTabId?: number }).prospectorTabId))
      .toBe('number');
    const popup = await openPopupFor(ext, practice);
    // The first person opens for review, the others are listed under it.
    await expect.poll(() => popup.getByTestId('person-row').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    // The review form's code loads on first use ("Loading…" until then).
    for (const name of ['Ayu Pratiwi', 'Daniel Hartanto', 'Rina Kusuma'])
      await expect.poll(() => popup.locator('body').textContent()).toContain(name);
    await popup.getByTestId('save-all').click();
    await expect
      .poll(async () => (await readStore<{ name: string }>(popup, 'contacts')).map((c) => c.name).sort())
      .toEqual(expect.arrayContaining(['Ayu Pratiwi', 'Daniel Hartanto', 'Rina Kusuma']));
    const ayu = (await readStore<{ name: string; jobTitle: string; company: string }>(popup, 'contacts')).find(
      (c) => c.name === 'Ayu Pratiwi',
    );
    expect(ayu?.jobTitle).toMatch(/CEO/);
    await popup.close();
    await practice.close();
  });

  it('loads the demo marked as demo, keeps it out of exports, and removes only it', async () => {
    await welcome.getByTestId('welcome-demo-load').click();
    await expect
      .poll(() => welcome.getByTestId('welcome-demo-status').textContent(), { timeout: 20_000 })
      .toContain('300');
    const contacts = await readStore<{ id: string; name: string; demo?: boolean }>(welcome, 'contacts');
    expect(contacts.filter((c) => c.demo).length).toBe(300);
    const own = contacts.filter((c) => !c.demo).map((c) => c.name);
    expect(own).toContain('Ayu Pratiwi');
    // The CSV export of everything carries the rep's contacts only.
    const options = await ext.context.newPage();
    await options.goto(ext.url('options.html#data'));
    const download = options.waitForEvent('download');
    await options.getByTestId('export-csv').click();
    const file = await (await download).path();
    const text = await readFile(file!, 'utf8');
    expect(text).toContain('Ayu Pratiwi');
    const demoName = contacts.find((c) => c.demo)!.name;
    expect(text).not.toContain(demoName);
    await welcome.getByTestId('welcome-demo-remove').click();
    await expect.poll(() => welcome.getByTestId('welcome-demo-status').textContent()).toContain('Removed 300');
    const after = await readStore<{ name: string; demo?: boolean }>(welcome, 'contacts');
    expect(after.some((c) => c.demo)).toBe(false);
    expect(after.map((c) => c.name)).toEqual(expect.arrayContaining(['Ayu Pratiwi', 'Daniel Hartanto', 'Rina Kusuma']));
    expect((await readStore(welcome, 'tasks')).length).toBe(0);
    await options.close();
  });

  it('speaks Bahasa Indonesia when the rep chose it', async () => {
    await welcome.evaluate(async () => {
      const stored = (await chrome.storage.local.get('settings')).settings ?? {};
      await chrome.storage.local.set({ settings: { ...stored, locale: 'id' } });
    });
    await welcome.reload();
    await expect
      .poll(() => welcome.getByRole('heading', { level: 1 }).textContent())
      .toBe('Selamat datang di Prospector');
  });
});
