import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Extension, launchExtension, openPopupFor, ROOT, readStore } from './harness';

type Contact = {
  name: string;
  emails: string[];
  jobTitle: string;
  company: string;
  urls: { linkedin?: string };
  linkedinKey: string;
  location: string;
  deletedAt: number | null;
};

/**
 * A LinkedIn people search captured through the popup (issue 11, item 4): every card on the page is listed, and
 * the people the rep picks are saved with the title, company and profile their cards show, nothing invented.
 * The saved page is shown at its LinkedIn URL by request routing; nothing leaves the machine.
 */
describe('LinkedIn search results through the popup', () => {
  let ext: Extension;
  let store: Page;

  beforeAll(async () => {
    ext = await launchExtension();
    store = await ext.context.newPage();
    await store.goto(ext.url('bench-empty.html'));
  });
  afterAll(async () => {
    await ext?.close();
  });

  async function openAt(file: string, url: string): Promise<Page> {
    const body = await readFile(`${ROOT}/tests/fixtures/${file}`);
    const page = await ext.context.newPage();
    await page.route('**/*', (route) =>
      route.request().isNavigationRequest() && route.request().url() === url
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body })
        : route.abort(),
    );
    await page.goto(url);
    return page;
  }

  it('lists every card and saves the two people the rep chose', async () => {
    const page = await openAt(
      'linkedin-people/search-results.html',
      'https://www.linkedin.com/search/results/people/?keywords=procurement&origin=SWITCH_SEARCH_VERTICAL',
    );
    const popup = await openPopupFor(ext, page);
    const shown = async () => [
      ...(await popup.getByTestId('candidate-name').allTextContents()),
      ...(await popup.locator('[data-testid="person-row"] .person-name').allTextContents()),
    ];
    await expect
      .poll(shown, { timeout: 15_000 })
      .toEqual(['Anita Rahman', 'Daniel Kowalski', 'Priya Nair', 'Sari Wulandari']);

    for (const name of ['Daniel Kowalski', 'Priya Nair']) {
      await popup.getByTestId('person-row').filter({ hasText: name }).click();
      await expect.poll(() => popup.getByTestId('candidate-name').allTextContents()).toEqual([name]);
      await popup.getByTestId('save-candidate').click();
      await expect
        .poll(async () => (await readStore<Contact>(store, 'contacts')).some((c) => c.name === name), {
          timeout: 10_000,
        })
        .toBe(true);
    }

    const saved = (await readStore<Contact>(store, 'contacts')).filter((c) => c.deletedAt === null);
    expect(saved.map((c) => c.name).sort()).toEqual(['Daniel Kowalski', 'Priya Nair']);
    expect(saved.find((c) => c.name === 'Daniel Kowalski')).toMatchObject({
      jobTitle: 'CTO',
      company: 'Ferrite.io',
      linkedinKey: 'in/dkowalski',
      location: 'Warsaw, Mazowieckie, Poland',
      // "CTO @ Ferrite.io" is a headline, never an address.
      emails: [],
    });
    expect(saved.find((c) => c.name === 'Priya Nair')).toMatchObject({
      jobTitle: 'Director of Procurement',
      company: 'Halcyon Foods',
      linkedinKey: 'in/priya-nair-scm',
    });
    await popup.close();
    await page.close();
  });
});
