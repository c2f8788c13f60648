import type { Page } from 'playwright-core';
import { type Extension, launchExtension } from '../support/browser';
import { startCouch } from '../support/couch-server';
import { timePopupOpen } from './popup-timing';
import { type Figure, summarise } from './stats';
import { backgroundReady, storeCount, syncedSince } from './store-count';
import { seedTeamServer } from './team-seed';

/** Deals on the team's server for the first pull (issue 16: "initial pull of 10,000 deals"). */
const DEALS = Number(process.env.PROSPECTOR_BENCH_SYNC_DEALS ?? 10_000);
const TRIPS = 15;
const DB = 'bench';

async function send(page: Page, type: string, payload: unknown): Promise<unknown> {
  const reply = await page.evaluate(([type, payload]) => chrome.runtime.sendMessage({ type, payload }), [
    type,
    payload,
  ] as const);
  if (!reply?.ok) throw new Error(`${type} failed: ${JSON.stringify(reply)}`);
  return reply.data;
}

async function extensionPage(ext: Extension): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(ext.url('bench-empty.html'));
  await backgroundReady(page);
  return page;
}

/** Every document the server holds, in the rep's database (derived tables built), after a pull said it was done. */
async function checkPulled(page: Page, expected: Record<string, number>): Promise<void> {
  for (const [store, n] of Object.entries(expected)) {
    const found = await storeCount(page, store);
    if (found < n) throw new Error(`The pull reported done with ${found} of ${n} rows in ${store}`);
  }
}

/** The popup's open time on a page whose person is stored (navigation start → 'popup-ready'). */
async function popupOpen(ext: Extension, target: Page): Promise<number> {
  await ext.worker.evaluate(() => chrome.storage.session.clear());
  return (await timePopupOpen(ext, target, { timeoutMs: 60_000 })).at;
}

/**
 * Team sync (issue 16), against pouchdb-server in memory on 127.0.0.1. `sync.initial-pull`: a new rep (B) connects
 * to a team whose server holds DEALS deals with their contacts and activities, timed alone until B's background reports the
 * sync done (then every row is checked to be in B's IndexedDB, derived tables built). `popup.open-while-syncing` vs `popup.open-idle`: a second rep (A) opens the
 * popup on a page whose person is stored, before, during (every half second) and after A's own first pull.
 * `sync.trip`: a change made in browser A until it is in browser B's database, both live.
 */
export async function benchSync(_shared: Extension, origin: string): Promise<Figure[]> {
  const couch = await startCouch({ inMemory: true });
  const browsers: Extension[] = [];
  try {
    await couch.addUser('ana', 'ana-pw');
    await couch.addUser('budi', 'budi-pw');
    await couch.setUpTeam(DB, { members: ['ana', 'budi'] });
    const seedStart = Date.now();
    const { demo, docs } = await seedTeamServer(couch, DB, DEALS);
    console.error(`sync bench: ${docs.length} documents on the server in ${Date.now() - seedStart} ms`);
    const team = { url: couch.url, db: DB };

    // B: a new rep connecting to the team, timed alone until every document is in B's database (derived tables
    // built): the figure the issue sets a target for.
    const b = await launchExtension();
    browsers.push(b);
    const bPage = await extensionPage(b);
    const start = Date.now();
    await send(bPage, 'team.connect', { ...team, user: 'budi', password: 'budi-pw' });
    // Done when the background reports its first sync finished (pushed, pulled to the end), checked below.
    while (!(await syncedSince(bPage, start))) {
      if (Date.now() - start > 600_000) throw new Error('Initial pull stuck');
      await new Promise((r) => setTimeout(r, 100));
    }
    const pullMs = Date.now() - start;
    const activities = demo.activities.length;
    const pulled = {
      contacts: demo.contacts.length,
      deals: demo.deals.length,
      activities,
      dealIndex: demo.deals.length,
    };
    await checkPulled(bPage, pulled);
    const counts = {
      deals: await storeCount(bPage, 'deals'),
      contacts: await storeCount(bPage, 'contacts'),
      activities: await storeCount(bPage, 'activities'),
      boardRows: await storeCount(bPage, 'dealIndex'),
      serverDocs: docs.length,
    };

    // A: a second rep with the benchmark page's person already captured. The popup is opened on that page before
    // A connects, during A's own first pull (at a rep's pace, one open every half second, so the opens measure
    // the pull's effect rather than compete with it) and after it.
    const a = await launchExtension();
    browsers.push(a);
    const aPage = await extensionPage(a);
    await send(aPage, 'capture.save', {
      capture: {
        url: `${origin}/loop/person.html`,
        site: 'web',
        candidates: [
          { name: 'Dewi Lestari', company: 'Nusantara Logistics', emails: ['dewi.lestari@nusantara-logistics.test'] },
        ],
      },
    });
    const target = await a.context.newPage();
    await target.goto(`${origin}/loop/person.html`);
    const idleBefore: number[] = [];
    for (let i = 0; i < 5; i++) idleBefore.push(await popupOpen(a, target));
    const aStart = Date.now();
    await send(aPage, 'team.connect', { ...team, user: 'ana', password: 'ana-pw' });
    const during: number[] = [];
    while (!(await syncedSince(aPage, aStart))) {
      if (Date.now() - aStart > 600_000) throw new Error("A's first pull stuck");
      during.push(await popupOpen(a, target));
      await new Promise((r) => setTimeout(r, 500));
    }
    await checkPulled(aPage, { ...pulled, activities: activities + 1 });
    const idleAfter: number[] = [];
    for (let i = 0; i < 5; i++) idleAfter.push(await popupOpen(a, target));
    const contactId = demo.contacts[0]!.id;
    // Both idle and live (longpolls waiting) before timing.
    await new Promise((r) => setTimeout(r, 3000));
    const trips: number[] = [];
    for (let i = 0; i < TRIPS; i++) {
      const t0 = Date.now();
      const { activityId } = (await send(aPage, 'note.add', { contactId, text: `trip ${i}` })) as {
        activityId: string;
      };
      await bPage.waitForFunction(
        (id) =>
          new Promise<boolean>((ok) => {
            const open = indexedDB.open('prospector');
            open.onsuccess = () => {
              const req = open.result.transaction('activities').objectStore('activities').get(id);
              req.onsuccess = () => ok(!!req.result);
              req.onerror = () => ok(false);
              open.result.close();
            };
            open.onerror = () => ok(false);
          }),
        activityId,
        { polling: 20, timeout: 30_000 },
      );
      trips.push(Date.now() - t0);
      await new Promise((r) => setTimeout(r, 300));
    }
    return [
      summarise('sync.initial-pull', [pullMs], 'ms', { ...counts, target: '≤ 20000' }),
      summarise('popup.open-while-syncing', during, 'ms'),
      summarise('popup.open-idle', [...idleBefore, ...idleAfter], 'ms'),
      summarise('sync.trip', trips, 'ms', { target: 'median ≤ 2000' }),
    ];
  } finally {
    for (const ext of browsers) await ext.close();
    await couch.stop();
  }
}
