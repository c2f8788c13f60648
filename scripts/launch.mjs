// npm start: opens system Chromium (CHROMIUM_PATH or /usr/bin/chromium) with the fresh build loaded and its
// pipeline page open, in a profile kept in .output/profile so your test data survives restarts.
// Without a display it says how to load the build by hand instead.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const dir = resolve(import.meta.dirname, '../.output/chrome-mv3');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!process.env.DISPLAY && process.platform === 'linux') {
  console.log(`No display. Load ${dir} as an unpacked extension (chrome://extensions, Developer mode).`);
  process.exit(0);
}
if (!existsSync(executablePath)) {
  console.log(`No Chromium at ${executablePath}: set CHROMIUM_PATH, or load ${dir} in chrome://extensions.`);
  process.exit(1);
}
const context = await chromium.launchPersistentContext(resolve(dir, '../profile'), {
  executablePath,
  headless: false,
  viewport: null,
  args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--no-first-run'],
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const page = await context.newPage();
await page.goto(`chrome-extension://${worker.url().split('/')[2]}/options.html`);
console.log('Prospector is loaded. Close the browser window to stop.');
await new Promise((done) => context.on('close', done));
