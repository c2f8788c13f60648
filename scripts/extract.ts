// npm run extract -- <file-or-url | FILE::URL>...
// Runs the extension's own page reader on each input in headless system Chromium and prints what a capture would
// show, as JSON: {"results":[{"input","url","site","candidates":[…]} | {"input","error"}]}.
//   page.html                     served from 127.0.0.1, so relative links resolve
//   https://…                     loaded as given (the one case that uses the network: you asked for it)
//   page.html::https://www.linkedin.com/in/jane/   the file shown as if served at that URL (no network at all)
import { ExtractRunner } from './bench/extract-runner';

const args = process.argv.slice(2).filter((a) => a !== '--');
if (!args.length) {
  console.error('usage: npm run extract -- <file-or-url | FILE::URL>...');
  process.exit(2);
}
const runner = await ExtractRunner.open();
const results: unknown[] = [];
try {
  for (const arg of args) {
    const run = await runner.extract(arg);
    results.push(
      run.capture
        ? { input: run.input, url: run.capture.url, site: run.capture.site, candidates: run.capture.candidates }
        : { input: run.input, url: run.url, error: run.error },
    );
  }
} finally {
  await runner.close();
}
console.log(JSON.stringify({ results }, null, 2));
if (results.some((r) => (r as { error?: string }).error)) process.exitCode = 1;
