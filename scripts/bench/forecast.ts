import type { Page } from 'playwright-core';
import { type Extension, launchExtension } from '../../tests/e2e/harness';
import { benchProfile } from './profile';
import { type Figure, summarise } from './stats';

const DEALS = 100_000;
/** Notes per deal on top of captures and stage moves, so 100,000 deals come with about 500,000 activities. */
const NOTES_PER_DEAL = 1.65;
/** Loaded in parts (a seed each): one message per 10,000 keeps every background call well inside its limits. */
const PART = 10_000;

interface Timings {
  openMs?: number;
  readMs?: number;
  tableMs?: number;
  computeMs: number;
  deals: number;
}

async function count(page: Page, store: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((ok, fail) => {
        const open = indexedDB.open('prospector');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name).objectStore(name).count();
          req.onsuccess = () => {
            open.result.close();
            ok(req.result);
          };
        };
      }),
    store,
  );
}

/** Reading every deal as the plain IndexedDB getAll does (what Dexie's toArray() costs at least), in ms. */
async function readDeals(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((ok, fail) => {
        const open = indexedDB.open('prospector');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const start = performance.now();
          const req = open.result.transaction('deals').objectStore('deals').getAll();
          req.onsuccess = () => {
            const ms = performance.now() - start;
            open.result.close();
            ok(req.result.length ? ms : Number.NaN);
          };
        };
      }),
  );
}

/** The n-th `name` performance mark's detail (the worker's timings), waiting for it. */
async function markDetail(page: Page, name: string, n: number): Promise<Timings> {
  await page.waitForFunction(([m, k]) => performance.getEntriesByName(m as string).length >= (k as number), [name, n], {
    timeout: 120_000,
  });
  return page.evaluate(
    ([m, k]) => (performance.getEntriesByName(m as string)[(k as number) - 1] as PerformanceMark).detail,
    [name, n],
  );
}

/**
 * The forecast and KPIs at 100,000 deals with about 500,000 activities (the demo generator, loaded once):
 * - deals.read: a plain IndexedDB getAll of the deals table, in an extension page;
 * - forecast.first-render: navigation → the forecast view's 'forecast-ready' mark (first figures on screen), with
 *   the ratio to deals.read (target ≤ 2) and the page's longest main-thread task meanwhile;
 * - forecast+kpis.compute: in the report worker, from the deals as read to both reports — building the deal table,
 *   the forecast report and the analytics report (target ≤ 150 ms); and each part on its own, recomputed on a
 *   change of the views' parameters; the track record (six past forecasts) separately.
 */
export async function benchForecast(_shared: Extension, _origin: string, runs = 5): Promise<Figure[]> {
  // A browser of its own: exactly this data set, whatever the other benchmarks stored in theirs.
  const ext = await launchExtension(undefined, benchProfile('forecast'));
  try {
    return await measure(ext, runs);
  } finally {
    await ext.close();
  }
}

async function measure(ext: Extension, runs: number): Promise<Figure[]> {
  const admin = await ext.context.newPage();
  await admin.goto(ext.url('bench-empty.html'));
  const start = Date.now();
  // A kept profile (PROSPECTOR_BENCH_PROFILE) may hold the first parts already: load the missing ones only.
  const already = Math.floor((await count(admin, 'deals')) / PART);
  for (let seed = already + 1; seed <= DEALS / PART; seed++) {
    const loaded = await admin.evaluate(
      ([contacts, notesPerDeal, seed]) =>
        chrome.runtime.sendMessage({ type: 'demo.load', payload: { contacts, notesPerDeal, seed } }),
      [PART, NOTES_PER_DEAL, seed],
    );
    if (!loaded?.ok) throw new Error(`demo.load failed: ${JSON.stringify(loaded)}`);
    process.stderr.write(`forecast bench: ${seed * PART} demo deals loaded\n`);
  }
  const deals = await count(admin, 'deals');
  const activities = await count(admin, 'activities');
  const context = { deals, activities, demoLoadSeconds: Math.round((Date.now() - start) / 1000) };

  const reads: number[] = [];
  const firstRenders: number[] = [];
  const longestTasks: number[] = [];
  const totals: number[] = [];
  const tables: number[] = [];
  const workerReads: number[] = [];
  const workerOpens: number[] = [];
  const forecasts: number[] = [];
  const analytics: number[] = [];
  const tracks: number[] = [];
  for (let i = 0; i < runs; i++) {
    // A page of its own for the plain read, closed before the view opens, so neither run shares the other's heap.
    const reader = await ext.context.newPage();
    await reader.goto(ext.url('bench-empty.html'));
    reads.push(await readDeals(reader));
    await reader.close();
    const page = await ext.context.newPage();
    await page.addInitScript(() => {
      // The page's longest main-thread task while the view loads: is it still responsive?
      const w = globalThis as unknown as { __longest: number };
      w.__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(ext.url('options.html#forecast'));
    await page.waitForFunction(() => performance.getEntriesByName('forecast-ready').length > 0, undefined, {
      timeout: 120_000,
    });
    firstRenders.push(await page.evaluate(() => performance.getEntriesByName('forecast-ready')[0]!.startTime));
    longestTasks.push(await page.evaluate(() => (globalThis as unknown as { __longest: number }).__longest));
    const first = await markDetail(page, 'forecast-report', 1);
    tracks.push((await markDetail(page, 'forecast-track', 1)).computeMs);
    // The same worker, its table built: the analytics view's report.
    await page.evaluate(() => {
      location.hash = '#analytics';
    });
    const kpis = await markDetail(page, 'analytics-report', 1);
    tables.push(first.tableMs ?? Number.NaN);
    workerReads.push(first.readMs ?? Number.NaN);
    workerOpens.push(first.openMs ?? Number.NaN);
    totals.push((first.tableMs ?? Number.NaN) + first.computeMs + kpis.computeMs);
    // Recomputing on a change of parameters (the table is kept): presets, then methods and grains.
    let n = 1;
    for (const preset of ['Last 30 days', 'Last 90 days', 'This year']) {
      await page.getByRole('button', { name: preset }).click();
      analytics.push((await markDetail(page, 'analytics-report', ++n)).computeMs);
    }
    forecasts.push(first.computeMs);
    let f = 1;
    for (const params of ['method=bant', 'method=configured&grain=quarter', 'method=learned&asOf=2026-06-30']) {
      await page.evaluate((p) => {
        location.hash = `#forecast?${p}`;
      }, params);
      forecasts.push((await markDetail(page, 'forecast-report', ++f)).computeMs);
    }
    await page.close();
  }
  await admin.close();
  const read = summarise('deals.read', reads, 'ms', context);
  const render = summarise('forecast.first-render', firstRenders, 'ms', {
    ...context,
    ratioToRead: Math.round((median(firstRenders) / median(reads)) * 100) / 100,
    workerOpenMs: median(workerOpens),
    workerReadMs: median(workerReads),
  });
  return [
    read,
    render,
    summarise('forecast.first-render.longest-main-task', longestTasks, 'ms', context),
    summarise('forecast+kpis.compute', totals, 'ms', context),
    summarise('deal-table.build', tables, 'ms', context),
    summarise('forecast.compute', forecasts, 'ms', context),
    summarise('analytics.compute', analytics, 'ms', context),
    summarise('forecast.track-record.compute', tracks, 'ms', context),
  ];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] ?? Number.NaN;
}
