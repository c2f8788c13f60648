// npm run fixture:record -- <page.html>...
// Records what the extension's reader finds on each saved page as <page>.expected.json, next to the page, from a
// real run in headless Chromium (the page is shown at the URL in its "saved from url" comment, so site adapters
// apply). Review the diff before committing: expected outputs are recorded, never typed.
import { writeFile } from 'node:fs/promises';
import { ExtractRunner } from './bench/extract-runner';
import { expectedPathOf, fixtureUrl, readFixture } from './support/fixtures';

const pages = process.argv.slice(2).filter((a) => a !== '--');
if (!pages.length) {
  console.error('usage: npm run fixture:record -- <page.html>...');
  process.exit(2);
}
// The reader's clock lifted, as in the replay test: a busy machine must not change what is recorded.
const runner = await ExtractRunner.open({ untimed: true });
let failed = 0;
try {
  for (const page of pages) {
    const url = fixtureUrl(readFixture(page), page);
    const run = await runner.extract(`${page}::${url}`);
    if (!run.capture) {
      failed++;
      console.error(`✗ ${page}: ${run.error}`);
      continue;
    }
    const { site, candidates } = run.capture;
    const out = expectedPathOf(page);
    await writeFile(out, `${JSON.stringify({ url, site, failed: run.raw?.failed ?? [], candidates }, null, 2)}\n`);
    console.log(
      `✓ ${out}: ${candidates.length} candidate(s)${candidates.length ? `: ${candidates.map((c) => c.name || c.emails[0]).join(', ')}` : ''}`,
    );
  }
} finally {
  await runner.close();
}
process.exitCode = failed ? 1 : 0;
