import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Extension, launchExtension, openPopupFor, ROOT, readStore, serve } from './harness';

interface Contact {
  name: string;
  jobTitle: string;
  company: string;
  emails: string[];
  phones: string[];
  deletedAt: number | null;
}

describe('capturing a plain-text email with a signature (#11.1)', () => {
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

  it('saves the sender as ONE contact with title, company and labelled phones, the fax left out', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${origin}/email-plain/saved-plain-text.html`);
    const popup = await openPopupFor(ext, page);
    await expect
      .poll(() => popup.getByTestId('candidate-name').first().textContent(), { timeout: 15_000 })
      .toBe('Dana Marlow');
    await popup.getByTestId('save-candidate').click();
    const dana = async () =>
      (await readStore<Contact>(store, 'contacts')).filter(
        (c) => c.deletedAt === null && c.emails.includes('dana.marlow@kestrel-gears.example'),
      );
    await expect.poll(async () => (await dana()).length, { timeout: 15_000 }).toBe(1);
    const [saved] = await dana();
    expect(saved).toMatchObject({
      name: 'Dana Marlow',
      jobTitle: 'Procurement Manager',
      company: 'Kestrel Gears, Inc.',
    });
    expect(saved!.phones).toHaveLength(2);
    expect(saved!.phones.find((p) => p.includes('555-0142'))).toMatch(/\(direct\)$/);
    expect(saved!.phones.find((p) => p.includes('555-0177'))).toMatch(/\(mobile\)$/);
    expect(saved!.phones.some((p) => p.includes('555-0100'))).toBe(false);
    await popup.close();
    await page.close();
  });
});
