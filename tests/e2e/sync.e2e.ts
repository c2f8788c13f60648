import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CouchServer, startCouch } from '../../scripts/support/couch-server';
import { type Extension, launchExtension, openPopupFor, readStore, sendFrom, serve } from './harness';

// Two reps' browsers (two Chromium profiles with the built extension) and one CouchDB-protocol server
// (pouchdb-server on 127.0.0.1, its data on disk so it can be stopped and started again).
const DB = 'sales';
const ROOT_FIXTURES = resolve(import.meta.dirname, '../fixtures');
let couch: CouchServer;
let a: { ext: Extension; page: Page };
let b: { ext: Extension; page: Page };

async function open(ext: Extension): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(ext.url('options.html#settings'));
  await page.getByTestId('team-settings').waitFor();
  return page;
}

/** Connects through Settings → Team as a rep would. */
async function connectByHand(page: Page, user: string, password: string) {
  await page.getByTestId('team-url').fill(couch.url);
  await page.getByTestId('team-db').fill(DB);
  await page.getByTestId('team-user').fill(user);
  await page.getByTestId('team-password').fill(password);
  await page.getByTestId('team-connect').click();
  await page.getByTestId('team-status').waitFor();
}

const capture = (name: string, email: string) => ({
  capture: {
    url: 'https://example.com/team',
    title: 'Team',
    site: 'web',
    candidates: [{ name, company: `${name} Ltd`, emails: [email], provenance: {} }],
  },
  // The reps work a deal with this person (a capture alone saves a lead).
  startDeal: true,
});

type Row = Record<string, unknown> & { id: string };
const rows = (page: Page, store: string) => readStore<Row>(page, store);

beforeAll(async () => {
  couch = await startCouch();
  await couch.addUser('ana', 'ana-pw');
  await couch.addUser('budi', 'budi-pw');
  await couch.addUser('rini', 'rini-pw', ['prospector-readonly']);
  await couch.setUpTeam(DB, { members: ['ana', 'budi'], readerRoles: ['prospector-readonly'] });
  const [ea, eb] = [await launchExtension(), await launchExtension()];
  a = { ext: ea, page: await open(ea) };
  b = { ext: eb, page: await open(eb) };
}, 120_000);

afterAll(async () => {
  await Promise.all([a?.ext.close(), b?.ext.close()]);
  await couch?.stop();
});

describe('team sync, two browsers and one CouchDB', () => {
  it('says a wrong password is wrong, and leaves the local pipeline as it was', async () => {
    await sendFrom(b.page, 'capture.save', capture('Local Only', 'local@b.test'));
    const before = await rows(b.page, 'contacts');
    await b.page.getByTestId('team-url').fill(couch.url);
    await b.page.getByTestId('team-db').fill(DB);
    await b.page.getByTestId('team-user').fill('budi');
    await b.page.getByTestId('team-password').fill('wrong');
    await b.page.getByTestId('team-test').click();
    await expect
      .poll(() => b.page.getByTestId('team-form-error').textContent())
      .toBe('The server did not accept this user name and password.');
    await b.page.getByTestId('team-connect').click();
    await expect.poll(() => b.page.getByTestId('team-form-error').textContent()).toMatch(/did not accept/);
    expect(await b.page.getByTestId('team-status').count()).toBe(0);
    expect(await rows(b.page, 'contacts')).toEqual(before);
    // Nothing about the team was kept.
    expect(await b.page.evaluate(async () => (await chrome.storage.local.get('team')).team ?? null)).toBeNull();
  });

  it('refuses plain http to anything but this computer, before asking for any permission', async () => {
    await b.page.getByTestId('team-url').fill('http://couch.example.com');
    await b.page.getByTestId('team-password').fill('x');
    await b.page.getByTestId('team-test').click();
    await expect.poll(() => b.page.getByTestId('team-form-error').textContent()).toMatch(/must start with https/);
  });

  it('A captures, B sees the contact; both own what they bring', async () => {
    await connectByHand(a.page, 'ana', 'ana-pw');
    await connectByHand(b.page, 'budi', 'budi-pw');
    // The password is in extension storage, never in IndexedDB.
    const stored = await a.page.evaluate(
      async () => (await chrome.storage.local.get('team')).team as { password: string },
    );
    expect(stored.password).toBe('ana-pw');
    await sendFrom(a.page, 'capture.save', capture('Jane Doe', 'jane@acme.test'));
    await expect
      .poll(async () => (await rows(b.page, 'contacts')).map((c) => c.name), { timeout: 15_000 })
      .toContain('Jane Doe');
    // B's own local contact went to the team too, and its deal is Budi's.
    await expect
      .poll(async () => (await rows(a.page, 'contacts')).map((c) => c.name), { timeout: 15_000 })
      .toContain('Local Only');
    const deals = await rows(a.page, 'deals');
    expect(Object.fromEntries(deals.map((d) => [d.title, d.owner]))).toMatchObject({
      'Jane Doe Ltd': 'ana',
      'Local Only Ltd': 'budi',
    });
    // The board's rows on B were built from the pulled deals.
    const board = await rows(b.page, 'dealIndex');
    expect(board.length).toBe(deals.length);
    // On Jane's page, B's popup says whose contact she is instead of offering a second one.
    const { origin, server } = await serve(ROOT_FIXTURES, {
      '/jane.html': `<!doctype html><title>Jane</title><div class="h-card"><span class="p-name">Jane Doe</span>
        <span class="p-org">Jane Doe Ltd</span> <a class="u-email" href="mailto:jane@acme.test">jane@acme.test</a></div>`,
    });
    try {
      const janePage = await b.ext.context.newPage();
      await janePage.goto(`${origin}/jane.html`);
      const popup = await openPopupFor(b.ext, janePage);
      await expect.poll(() => popup.getByTestId('teammate-contact').textContent()).toMatch(/^ana's contact — \S/);
      await popup.close();
      await janePage.close();
    } finally {
      server.close();
    }
    await expect.poll(() => a.page.getByTestId('team-pending').textContent()).toMatch(/: 0$/);
    await expect.poll(() => a.page.getByTestId('team-sync-state').textContent()).toMatch(/Last synced/);
  });

  it('both edit one deal while the server is down: changes queue, then both converge with nothing lost', async () => {
    const deal = (await rows(a.page, 'deals')).find((d) => d.title === 'Jane Doe Ltd')!;
    await couch.kill();
    expect(
      await sendFrom(a.page, 'deal.update', { dealId: deal.id, patch: { amount: 750_000, title: 'Jane – pilot' } }),
    ).toMatchObject({ ok: true });
    await new Promise((r) => setTimeout(r, 20));
    expect(
      await sendFrom(b.page, 'deal.update', {
        dealId: deal.id,
        patch: { expectedClose: '2027-06-30', title: 'Jane – enterprise' },
      }),
    ).toMatchObject({ ok: true });
    // A batch of work in A while the server is away.
    const team = Array.from({ length: 30 }, (_, i) => ({
      name: `Person ${i}`,
      company: 'Busy Co',
      emails: [`p${i}@busy.test`],
      provenance: {},
    }));
    expect(
      await sendFrom(a.page, 'capture.save', { capture: { ...capture('x', 'x@x.test').capture, candidates: team } }),
    ).toMatchObject({ ok: true });
    await expect
      .poll(() => a.page.getByTestId('team-error').textContent(), { timeout: 15_000 })
      .toMatch(/Can't reach the team server/);
    await expect
      .poll(async () => Number((await a.page.getByTestId('team-pending').textContent())?.split(': ')[1]))
      .toBeGreaterThan(40);
    await couch.restart();
    await a.page.getByTestId('team-sync-now').click();
    await b.page.getByTestId('team-sync-now').click();
    const merged = { amount: 750_000, expectedClose: '2027-06-30', title: 'Jane – enterprise' };
    for (const side of [a, b])
      await expect
        .poll(async () => (await rows(side.page, 'deals')).find((d) => d.id === deal.id), { timeout: 20_000 })
        .toMatchObject(merged);
    // Both edits and the merge are in both timelines.
    for (const side of [a, b])
      await expect
        .poll(
          async () =>
            (await rows(side.page, 'activities')).filter((x) => x.dealId === deal.id && x.type === 'updated').length,
          { timeout: 20_000 },
        )
        .toBe(3);
    // Every record once: as many contacts in each browser as documents on the server, no duplicates.
    await expect
      .poll(async () => (await rows(b.page, 'contacts')).length, { timeout: 20_000 })
      .toBe((await rows(a.page, 'contacts')).length);
    const all = (await couch.admin('GET', `${DB}/_all_docs`)).body as { rows: { id: string }[] };
    const contactDocs = all.rows.filter((r) => r.id.startsWith('contact:'));
    expect(contactDocs.length).toBe((await rows(a.page, 'contacts')).length);
    const server = (await couch.admin('GET', `${DB}/deal:${deal.id}`)).body as { data: Row };
    expect(server.data).toMatchObject(merged);
    await expect.poll(() => a.page.getByTestId('team-error').count()).toBe(0);
  });

  it('a read-only member’s deal edit is refused by the server, reported, and the team’s version stays', async () => {
    await b.page.getByTestId('team-disconnect').click();
    await expect.poll(() => b.page.getByTestId('team-message').textContent()).toMatch(/Disconnected/);
    // Disconnecting keeps the local pipeline and forgets the password.
    expect((await rows(b.page, 'contacts')).length).toBeGreaterThan(30);
    expect(await b.page.evaluate(async () => (await chrome.storage.local.get('team')).team ?? null)).toBeNull();
    await connectByHand(b.page, 'rini', 'rini-pw');
    await expect.poll(() => b.page.getByTestId('team-pending').textContent(), { timeout: 20_000 }).toMatch(/: 0$/);
    const deal = (await rows(b.page, 'deals')).find((d) => d.title === 'Jane – enterprise')!;
    await sendFrom(b.page, 'deal.update', { dealId: deal.id, patch: { amount: 1 } });
    await expect
      .poll(() => b.page.getByTestId('team-refused').textContent(), { timeout: 15_000 })
      .toMatch(/refused a change: Read-only members cannot change deals/);
    await expect.poll(async () => (await rows(b.page, 'deals')).find((d) => d.id === deal.id)?.amount).toBe(750_000);
    const server = (await couch.admin('GET', `${DB}/deal:${deal.id}`)).body as { data: Row };
    expect(server.data.amount).toBe(750_000);
  });
});
