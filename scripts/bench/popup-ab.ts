// Compares builds' popup opens, the builds taking turns: `npx vite-node scripts/bench/popup-ab.ts -- a=DIR b=DIR`
// (DIR: a build folder holding chrome-mv3, as PROSPECTOR_E2E_OUT names one). Each build needs a profile seeded
// by the popup-open benchmark first: `PROSPECTOR_BENCH_PROFILE=ROOT PROSPECTOR_E2E_OUT=DIR npm run bench --
// popup-open` (or `npx vite-node scripts/bench.ts -- popup-open` on a build made elsewhere), with the same ROOT.
// Why: one benchmark run per build compares two moments of a shared 2-core machine, whose load moves a median by
// more than most changes do, and a freshly seeded profile opens slower than one seeded earlier (the database
// still settling). Here each build opens the popup as the benchmark does, ROUNDS rounds of N, the order
// alternating, and the medians of all rounds are compared, with the first open after each browser start apart.
// Run it under the machine-wide lock: `flock /tmp/bench.lock npx vite-node scripts/bench/popup-ab.ts -- …`.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchExtension, ROOT, serve } from '../support/browser';
import { openTimedPage, timeEmptyPage, timePopupOpen } from './popup-timing';
import { summarise } from './stats';

const ROUNDS = Number(process.env.PROSPECTOR_AB_ROUNDS ?? 6);
const N = 10;
const STEPS = ['popup:start', 'popup:code', 'popup:first-screen', 'popup:rendered'];

const profiles = process.env.PROSPECTOR_BENCH_PROFILE;
if (!profiles) throw new Error('Set PROSPECTOR_BENCH_PROFILE to the folder the popup-open benchmark seeded.');
const builds = process.argv
  .slice(2)
  .filter((a) => a.includes('='))
  .map((arg) => {
    const [name, out] = arg.split('=') as [string, string];
    // As scripts/bench/profile.ts names it: per build folder, then per background script.
    const base = join(profiles, out);
    const seeded = readdirSync(base).filter((d) => d.startsWith('popup-'));
    if (seeded.length !== 1) throw new Error(`${base}: expected one seeded popup profile, found ${seeded.join()}`);
    return { name, dir: resolve(ROOT, out, 'chrome-mv3'), profile: join(base, seeded[0]!) };
  });
if (builds.length < 2) throw new Error('Name two builds or more: name=DIR name=DIR');

interface Samples {
  ready: number[];
  empty: number[];
  cold: number[];
  steps: number[][];
}
const samples = new Map(builds.map((b): [string, Samples] => [b.name, { ready: [], empty: [], cold: [], steps: [] }]));
const median = (xs: number[]) => summarise('', xs.filter(Number.isFinite)).median;

const { origin, server } = await serve(resolve(ROOT, 'tests/fixtures'));
try {
  for (let round = 0; round < ROUNDS; round++)
    for (const build of round % 2 ? [...builds].reverse() : builds) {
      const ext = await launchExtension(build.dir, build.profile);
      const s = samples.get(build.name)!;
      try {
        const target = await openTimedPage(ext, origin);
        for (let i = 0; i <= N; i++) {
          const loaded = await timeEmptyPage(ext);
          // A first open on the page, as the benchmark's popup.open: the popup's memory of it cleared.
          await ext.worker.evaluate(() => chrome.storage.session.clear());
          const { at, steps } = await timePopupOpen(ext, target, {
            steps: STEPS,
            whileOpen: (popup) => popup.waitForFunction(() => !document.querySelector('main [role="status"]')).then(),
          });
          // The first open after the browser started: the extension's pages have compiled nothing yet.
          if (i === 0) s.cold.push(at);
          else {
            s.ready.push(at);
            s.empty.push(loaded);
            s.steps.push(steps);
          }
        }
        await target.close();
      } finally {
        await ext.close();
      }
      console.log(`round ${round} ${build.name}: ready ${median(s.ready.slice(-N))} ms`);
    }
} finally {
  server.close();
}
for (const [name, s] of samples) {
  const ready = median(s.ready);
  const empty = median(s.empty);
  const steps = Object.fromEntries(STEPS.map((step, i) => [step, median(s.steps.map((x) => x[i]!))]));
  const ratio = Math.round((ready / empty) * 100) / 100;
  console.log(JSON.stringify({ name, ready, empty, ratio, cold: median(s.cold), n: s.ready.length, steps }));
}
