// npm run bench: drives the built extension (.output-e2e) in headless system Chromium and prints one JSON object
// per figure, {"name","unit","median","p95","n", …context}, then writes them all to bench-results.json, and keeps
// them in docs/bench-results.json, from which docs/performance.md is rendered (scripts/bench/record.ts).
// Each benchmark is a module in scripts/bench/ exporting one async function; list it in BENCHES.
// `npm run bench -- popup-open` runs only the named ones.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { benchBoard } from './bench/board';
import { benchCapture } from './bench/capture';
import { benchExtract } from './bench/extract';
import { benchForecast } from './bench/forecast';
import { benchImport } from './bench/import';
import { benchPopupOpen } from './bench/popup-open';
import { benchProfile } from './bench/profile';
import { record, runContext } from './bench/record';
import type { Figure } from './bench/stats';
import { benchSync } from './bench/sync';
import type { Extension } from './support/browser';
import { launchExtension, ROOT, serve } from './support/browser';

type Bench = (ext: Extension, origin: string) => Promise<Figure[]>;
const BENCHES: [string, Bench][] = [
  ['popup-open', benchPopupOpen],
  ['board', benchBoard],
  ['forecast', benchForecast],
  ['import', benchImport],
  ['extract', benchExtract],
  ['capture', benchCapture],
  ['sync', benchSync],
];

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const { origin, server } = await serve(resolve(ROOT, 'tests/fixtures'));
const ext = await launchExtension(undefined, benchProfile('shared'));
const results: Figure[] = [];
const recorded: { bench: string; figures: Figure[] }[] = [];
const context = runContext();
try {
  for (const [name, run] of BENCHES) {
    if (only.length && !only.includes(name)) continue;
    const figures = await run(ext, origin);
    for (const figure of figures) {
      console.log(JSON.stringify(figure));
      results.push(figure);
    }
    recorded.push({ bench: name, figures });
  }
} finally {
  await ext.close();
  server.close();
}
writeFileSync(resolve(ROOT, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
record(ROOT, recorded, context);
