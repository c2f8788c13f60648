import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, type Extension } from '../support/browser';
import { fixtureUrl, listFixtures, readFixture } from '../support/fixtures';
import { gmailSizedPage } from './extract-gmail-page';
import { ExtractRunner, READER_GLOBAL } from './extract-runner';
import { type Figure, summarise } from './stats';

const RUNS = 20;

/** Layout-forcing DOM APIs, trapped in the reader's world: the figure must stay 0. */
const TRAPS = `(() => {
  globalThis.__layoutCalls = 0;
  const count = () => { globalThis.__layoutCalls++; return 0; };
  for (const proto of [Element.prototype, HTMLElement.prototype]) {
    for (const n of ['offsetTop','offsetLeft','offsetWidth','offsetHeight','offsetParent','clientTop','clientLeft','clientWidth','clientHeight','scrollTop','scrollLeft','scrollWidth','scrollHeight','innerText','outerText'])
      Object.defineProperty(proto, n, { configurable: true, get: count });
    for (const n of ['getBoundingClientRect','getClientRects','scrollIntoView','focus','checkVisibility'])
      Object.defineProperty(proto, n, { configurable: true, value: count });
  }
  globalThis.getComputedStyle = count;
})()`;

/** Runs the reader `runs` times in the page's isolated world; the first run is a warm-up and not counted. */
async function time(runner: ExtractRunner, page: Page, runs = RUNS) {
  return runner.inReader<{ times: number[]; found: number; layoutCalls: number }>(
    page,
    `(() => { ${TRAPS}; const times = []; let found = 0;
      for (let i = 0; i <= ${runs}; i++) { const t = performance.now(); const r = ${READER_GLOBAL}.default(); const d = performance.now() - t; if (i) times.push(d); found = r.found.length; }
      return { times, found, layoutCalls: globalThis.__layoutCalls }; })()`,
  );
}

async function openHtml(runner: ExtractRunner, file: string, url: string): Promise<Page> {
  return (await runner.open({ arg: file, file, url })).page;
}

/**
 * The page reader in real Chromium (issue 3, "Performance"): its gzipped size as built; extraction time across
 * the realistic fixture pages (each read 20 times after a warm-up, in an isolated world as the extension injects
 * it); on a generated 5 MB, 50,000-element Gmail page, as Gmail and as an unknown site (where every generic
 * source scans the whole page); the hostile fixtures; and layout-forcing DOM calls made (must be 0).
 */
export async function benchExtract(ext: Extension): Promise<Figure[]> {
  const built = readFileSync(join(EXTENSION_DIR, 'capture.js'));
  const figures: Figure[] = [
    {
      name: 'capture-script.size',
      unit: 'bytes gzip',
      median: gzipSync(built).length,
      p95: gzipSync(built).length,
      n: 1,
      raw: built.length,
      limit: 20_480,
    },
  ];
  const runner = await ExtractRunner.attach(ext.context);
  try {
    const samples: number[] = [];
    const hostile: number[] = [];
    let layoutCalls = 0;
    let pages = 0;
    for (const f of listFixtures()) {
      const page = await openHtml(runner, f.path, fixtureUrl(readFixture(f.path), f.path));
      const r = await time(runner, page, f.group === 'hostile' ? 5 : RUNS);
      layoutCalls += r.layoutCalls;
      if (f.group === 'hostile') hostile.push(...r.times);
      else {
        samples.push(...r.times);
        pages++;
      }
      await page.close();
    }
    figures.push(summarise('extract.fixture-pages', samples, 'ms', { pages, target: 'median ≤ 3, p95 ≤ 15' }));
    figures.push(
      summarise('extract.hostile-pages', hostile, 'ms', { max: Math.round(Math.max(...hostile) * 10) / 10 }),
    );

    const big = gmailSizedPage();
    const tmp = join(process.env.TMPDIR ?? '/tmp', `prospector-gmail-${process.pid}.html`);
    (await import('node:fs')).writeFileSync(tmp, big);
    for (const [name, url] of [
      ['extract.gmail-5mb', 'https://mail.google.com/mail/u/0/#inbox/FMfcgzBenchmarkThread'],
      ['extract.unknown-site-5mb', 'https://intranet.example/mailbox'],
    ] as const) {
      const page = await openHtml(runner, tmp, url);
      const shape = await page.evaluate(() => ({
        elements: document.getElementsByTagName('*').length,
        bytes: document.documentElement.outerHTML.length,
      }));
      const r = await time(runner, page, 10);
      layoutCalls += r.layoutCalls;
      figures.push(summarise(name, r.times, 'ms', { ...shape, found: r.found, target: '≤ 50' }));
      await page.close();
    }
    figures.push({
      name: 'extract.layout-forcing-calls',
      unit: 'calls',
      median: layoutCalls,
      p95: layoutCalls,
      n: pages,
      target: 0,
    });
  } finally {
    await runner.close();
  }
  return figures;
}
