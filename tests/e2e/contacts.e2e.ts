// Contacts in real Chromium: the table searches and sorts (kept in the URL), bulk actions go through the
// background (tag, move stage, delete with undo, restore from the trash); the detail shows fields with their
// provenance, takes notes and edits, merges a duplicate in one click; axe finds nothing serious.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Extension, launchExtension, readStore, sendFrom, seriousA11yViolations } from './harness';

interface ContactRow {
  id: string;
  name: string;
  company: string;
  tags: string[];
  emails: string[];
  deletedAt: number | null;
  mergedInto: string | null;
}
interface DealRow {
  id: string;
  contactId: string;
  stageId: string;
  deletedAt: number | null;
}
type Saved = { ok: true; data: { saved: { contactId: string; dealId: string }[] } };

async function capture(page: Page, candidate: Record<string, unknown>, url = 'https://www.linkedin.com/in/x/') {
  const r = await sendFrom<Saved>(page, 'capture.save', {
    capture: {
      url,
      site: 'linkedin',
      candidates: [{ ...candidate, provenance: { name: { source: 'json-ld', detail: 'Person.name' } } }],
    },
    startDeal: true,
  });
  return r.data.saved[0]!;
}

describe('contacts', () => {
  let ext: Extension;
  let page: Page;

  beforeAll(async () => {
    ext = await launchExtension();
    page = await ext.context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(ext.url('options.html#contacts'));
    expect(await sendFrom(page, 'demo.load', { contacts: 300 })).toMatchObject({ ok: true });
    await page.reload();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('lists every live contact, searches by name, company or email prefix, and sorts', async () => {
    await expect.poll(() => page.getByTestId('contacts-count').textContent()).toBe('300 contacts');
    const contacts = await readStore<ContactRow>(page, 'contacts');
    const who = contacts[7]!;
    await page.getByTestId('contacts-search').fill(`${who.name.split(' ')[0]} ${who.company.slice(0, 4)}`);
    await expect.poll(() => page.url()).toContain('q=');
    const expected = contacts.filter(
      (c) =>
        c.name
          .toLowerCase()
          .split(' ')
          .some((w) => w.startsWith(who.name.split(' ')[0]!.toLowerCase())) &&
        c.company
          .toLowerCase()
          .split(' ')
          .some((w) => w.startsWith(who.company.slice(0, 4).toLowerCase())),
    );
    await expect.poll(() => page.getByTestId('contact-row').count()).toBe(expected.length);
    expect((await page.getByTestId('contact-row').allTextContents()).join()).toContain(who.name);
    await page.getByTestId('contacts-search').fill('');
    await expect.poll(() => page.getByTestId('contacts-count').textContent()).toBe('300 contacts');

    await page.getByTestId('sort-company').click();
    await expect.poll(() => page.url()).toContain('sort=company');
    const firstCompany = [...contacts].map((c) => c.company).sort((a, b) => a.localeCompare(b))[0];
    await expect
      .poll(async () => (await page.getByTestId('contact-row').first().textContent()) ?? '')
      .toContain(firstCompany);
    await page.reload();
    expect(await page.locator('th[aria-sort="ascending"]').textContent()).toContain('Company');
    await page.getByTestId('sort-company').click();
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toContain('Company');
  });

  it('tags, moves and deletes a selection, with undo and the trash', async () => {
    await page.goto(ext.url('options.html#contacts'));
    const rows = page.getByTestId('contact-row');
    await rows.first().waitFor();
    for (const i of [0, 1, 2]) await rows.nth(i).getByRole('checkbox').check();
    const ids = await Promise.all(
      [0, 1, 2].map(async (i) => new URL((await rows.nth(i).locator('a').getAttribute('href'))!, 'x:/').hash),
    );
    const selected = ids.map((h) => decodeURIComponent(h.split('id=')[1]!));
    await page.getByTestId('bulk-tag').fill('expo-2026');
    await page.getByTestId('bulk-tag-add').click();
    await expect
      .poll(async () =>
        (await readStore<ContactRow>(page, 'contacts')).filter((c) => c.tags.includes('expo-2026')).map((c) => c.id),
      )
      .toEqual(expect.arrayContaining(selected));

    await page.getByTestId('bulk-stage').selectOption('closing');
    await page.getByTestId('bulk-move').click();
    await expect
      .poll(async () =>
        (await readStore<DealRow>(page, 'deals')).filter((d) => selected.includes(d.contactId)).map((d) => d.stageId),
      )
      .toEqual(['closing', 'closing', 'closing']);

    await page.getByTestId('bulk-delete').click();
    await page.getByTestId('undo-bar').waitFor();
    await expect.poll(() => page.getByTestId('contacts-count').textContent()).toBe('297 contacts');
    const deleted = (await readStore<ContactRow>(page, 'contacts')).filter((c) => c.deletedAt !== null);
    expect(deleted.map((c) => c.id).sort()).toEqual([...selected].sort());
    expect((await readStore<DealRow>(page, 'deals')).filter((d) => d.deletedAt !== null)).toHaveLength(3);

    await page.getByTestId('undo-delete').click();
    await expect.poll(() => page.getByTestId('contacts-count').textContent()).toBe('300 contacts');
    expect((await readStore<ContactRow>(page, 'contacts')).filter((c) => c.deletedAt !== null)).toEqual([]);

    // Deleted again, then brought back from the trash.
    await rows.first().getByRole('checkbox').check();
    await page.getByTestId('bulk-delete').click();
    await expect.poll(() => page.getByTestId('contacts-count').textContent()).toBe('299 contacts');
    await page.goto(ext.url('options.html#contacts?trash=1'));
    await page.getByTestId('trash-item').first().getByRole('button').click();
    await expect.poll(() => page.getByTestId('trash-item').count()).toBe(0);
  });

  it('opens a contact from its link (as the popup does), with fields, provenance, notes and edits', async () => {
    const who = await capture(page, {
      name: 'Zaskia Pramudita',
      company: 'PT Kopi Senja',
      jobTitle: 'Head of Procurement',
      emails: ['zaskia@kopisenja.test'],
    });
    await page.goto(ext.url(`options.html#contacts?id=${who.contactId}`));
    await expect.poll(() => page.getByTestId('contact-name').textContent()).toBe('Zaskia Pramudita');
    expect(await page.getByTestId('provenance-name').textContent()).toContain("from the page's structured data");
    expect(await page.getByTestId('provenance-name').textContent()).toContain('linkedin.com');
    expect(await page.getByTestId('timeline').textContent()).toContain('Captured');

    await page.getByTestId('note-text').fill('Budget approved for Q3.');
    await page.getByTestId('note-add').click();
    await expect.poll(() => page.getByTestId('timeline-item').first().textContent()).toContain('Budget approved');

    await page.getByTestId('edit-contact').click();
    await page.getByTestId('contact-edit').getByLabel('Job title').fill('Procurement Director');
    await page.getByTestId('contact-edit').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('provenance-jobTitle').textContent()).toContain('edited by you');
    const stored = (await readStore<ContactRow & { jobTitle: string }>(page, 'contacts')).find(
      (c) => c.id === who.contactId,
    );
    expect(stored?.jobTitle).toBe('Procurement Director');

    await page.getByTestId('deal-stage').selectOption('demo');
    await expect
      .poll(async () => (await readStore<DealRow>(page, 'deals')).find((d) => d.id === who.dealId)?.stageId)
      .toBe('demo');
    // The timeline says what happened in sentences, with the values: no field keys, no site ids.
    const said = () => page.getByTestId('timeline-line').allTextContents();
    await expect.poll(said).toContainEqual(expect.stringMatching(/^Moved from Prospecting to Demo/));
    expect(await said()).toContainEqual('You edited: job title');
    expect(
      await sendFrom(page, 'deal.update', {
        dealId: who.dealId,
        patch: { amount: 4_800_000, expectedClose: '2027-07-01' },
      }),
    ).toMatchObject({ ok: true });
    await expect.poll(said).toContainEqual(expect.stringMatching(/^Amount changed from — to \$48,000/));
    expect((await said()).join('\n')).toMatch(/Expected close changed from — to Jul 1, 2027/);
    expect((await said()).join('\n')).not.toMatch(/expectedClose|linkedin-profile|json-ld/);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('lists a possible duplicate and merges it in one click, keeping everything', async () => {
    const keep = await capture(page, { name: 'Yohana Siregar', company: 'Toba Tekstil', emails: ['yohana@toba.test'] });
    const other = await capture(
      page,
      { name: 'Yohana Siregar', company: 'Danau Kopi', emails: ['yohana.s@gmail.test'], phones: ['+62 812 000 111'] },
      'https://mail.google.com/mail/u/0/',
    );
    expect(other.contactId).not.toBe(keep.contactId);
    await page.goto(ext.url(`options.html#contacts?id=${keep.contactId}`));
    const dup = page.getByTestId('duplicate');
    await expect.poll(() => dup.count()).toBe(1);
    expect(await dup.textContent()).toContain('full name');
    await dup.getByTestId('merge-duplicate').click();
    await expect.poll(() => page.getByTestId('duplicate').count()).toBe(0);
    const contacts = await readStore<ContactRow & { phones: string[] }>(page, 'contacts');
    const kept = contacts.find((c) => c.id === keep.contactId)!;
    expect(kept.emails).toEqual(['yohana@toba.test', 'yohana.s@gmail.test']);
    expect(kept.phones).toEqual(['+62 812 000 111']);
    expect(contacts.find((c) => c.id === other.contactId)).toMatchObject({ mergedInto: keep.contactId });
    const deals = await readStore<DealRow>(page, 'deals');
    expect(deals.find((d) => d.id === other.dealId)?.contactId).toBe(keep.contactId);
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain('Merged with');
    expect(await page.getByTestId('deal-panel').count()).toBe(2);
  });

  it('has no serious or critical accessibility violations, light or dark', async () => {
    for (const hash of ['contacts', 'contacts?trash=1']) {
      await page.goto(ext.url(`options.html#${hash}`));
      await page.waitForTimeout(300);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        expect(await seriousA11yViolations(page), `${hash} ${scheme}`).toEqual([]);
      }
    }
    await page.goto(ext.url('options.html#contacts'));
    await page.getByTestId('contact-row').first().getByRole('checkbox').check();
    await page.getByTestId('bulk-bar').waitFor();
    expect(await seriousA11yViolations(page), 'bulk bar').toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
