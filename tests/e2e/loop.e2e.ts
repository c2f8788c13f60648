import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Extension,
  launchExtension,
  openPopupFor,
  ROOT,
  readStore,
  SHIPPED_DIR,
  seriousA11yViolations,
  serve,
} from './harness';

describe('the capture loop in real Chromium', () => {
  let ext: Extension;
  let origin: string;
  let close: () => void;

  beforeAll(async () => {
    const served = await serve(`${ROOT}/tests/fixtures`);
    origin = served.origin;
    close = () => served.server.close();
    ext = await launchExtension();
  });
  afterAll(async () => {
    await ext?.close();
    close?.();
  });

  it('captures a person through the popup, stores them once, and shows them on the options page', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${origin}/loop/person.html`);
    const popup = await openPopupFor(ext, page);
    await expect.poll(() => popup.getByTestId('candidate-name').allTextContents()).toEqual(['Dewi Lestari']);
    // A capture saves a lead: the contact, no deal until the rep starts one.
    await popup.getByTestId('save-candidate').click();
    await expect.poll(() => popup.getByTestId('lead-no-deal').count()).toBe(1);
    expect(await readStore(popup, 'deals')).toEqual([]);
    expect(await seriousA11yViolations(popup)).toEqual([]);
    await popup.getByTestId('new-deal').click();
    await expect.poll(() => popup.getByTestId('contact-stage').textContent()).toBe('Prospecting');

    const contacts = await readStore<{ name: string; emails: string[] }>(popup, 'contacts');
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({ name: 'Dewi Lestari', emails: ['dewi.lestari@nusantara-logistics.test'] });
    expect(await readStore(popup, 'deals')).toMatchObject([{ stageId: 'prospecting' }]);

    const options = await ext.context.newPage();
    await options.goto(ext.url('options.html'));
    await expect
      .poll(() => options.getByTestId('column-prospecting').getByTestId('deal-card').allTextContents())
      .toEqual([expect.stringContaining('Dewi Lestari')]);

    // A second capture of the same person merges instead of duplicating.
    await popup.close();
    const again = await openPopupFor(ext, page);
    await expect.poll(() => again.getByTestId('contact-stage').textContent()).toBe('Prospecting');
    expect(await again.getByTestId('save-candidate').count()).toBe(0);
    const saved = await again.evaluate(() =>
      chrome.runtime.sendMessage({
        type: 'capture.save',
        payload: {
          capture: {
            url: location.href,
            site: 'web',
            candidates: [
              { name: 'Dewi Lestari', emails: ['dewi.lestari@nusantara-logistics.test'], phones: ['+62 21 555 0199'] },
            ],
          },
        },
      }),
    );
    expect(saved).toMatchObject({ ok: true, data: { saved: [{ created: false }] } });
    expect(await readStore(again, 'contacts')).toHaveLength(1);
  });

  it('asks for no host permission at install (the shipped Chrome and Firefox builds)', async () => {
    for (const dir of ['chrome-mv3', 'firefox-mv2']) {
      const manifest = JSON.parse(await readFile(`${SHIPPED_DIR}/${dir}/manifest.json`, 'utf8'));
      expect(manifest.host_permissions ?? [], dir).toEqual([]);
      const hosts = (manifest.permissions ?? []).filter((p: string) => p.includes('://') || p === '<all_urls>');
      expect(hosts, dir).toEqual([]);
      expect(manifest.permissions).toContain('activeTab');
    }
  });
});
