// Drives the built extension in real Chromium: shared by the e2e tests (tests/e2e/harness.ts) and the benchmarks.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
/**
 * The build e2e tests load: the Chrome build plus a host permission for 127.0.0.1 (see README, "Testing").
 * PROSPECTOR_E2E_OUT moves it (and npm run build:e2e's output), so parallel runs do not collide.
 */
export const EXTENSION_DIR = resolve(ROOT, process.env.PROSPECTOR_E2E_OUT ?? '.output-e2e', 'chrome-mv3');
/** The shipped builds' folder (npm run build:all), moved by PROSPECTOR_OUT_DIR like the build itself. */
export const SHIPPED_DIR = resolve(ROOT, process.env.PROSPECTOR_OUT_DIR ?? '.output');

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path))
    throw new Error(`No Chromium at ${path}: run scripts/ensure-chromium.mjs or set CHROMIUM_PATH.`);
  return path;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv',
  '.vcf': 'text/vcard',
  '.js': 'text/javascript',
};

/** Serves a folder on 127.0.0.1 (a free port), plus any extra routes. Nothing beyond loopback. */
export async function serve(
  dir: string,
  routes: Record<string, string> = {},
): Promise<{ origin: string; server: Server }> {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (routes[path] !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.html']! });
      res.end(routes[path]);
      return;
    }
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

export interface Extension {
  context: BrowserContext;
  worker: Worker;
  id: string;
  url: (path: string) => string;
  close: () => Promise<void>;
}

/**
 * Launches system Chromium with the built extension loaded in a fresh profile, or in `profile` (a folder kept
 * between runs: the benchmarks' PROSPECTOR_BENCH_PROFILE, so 100,000 demo contacts are generated once).
 */
export async function launchExtension(
  dir = EXTENSION_DIR,
  profile = '',
  opts: { keepWelcome?: boolean } = {},
): Promise<Extension> {
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`No build at ${dir}: run npm run build:e2e first.`);
  const firstRun = !profile || !existsSync(join(profile, 'Default'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--headless=new',
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = worker.url().split('/')[2]!;
  // A fresh profile is a first install: the extension opens its welcome page. Tests that are not about it close
  // it first, so it never takes the focus from the page a test brings to the front.
  if (firstRun && !opts.keepWelcome) {
    const isWelcome = (p: Page) => p.url().endsWith('/welcome.html');
    const welcome =
      context.pages().find(isWelcome) ??
      (await context.waitForEvent('page', { predicate: isWelcome, timeout: 10_000 }).catch(() => undefined));
    await welcome?.close();
  }
  return { context, worker, id, url: (path) => `chrome-extension://${id}/${path}`, close: () => context.close() };
}

/**
 * The browser's tab id of a page: bring it to the front and ask the service worker for the active tab (the
 * extension has no "tabs" permission, so it cannot look tabs up by URL, by design).
 */
export async function tabIdOf(ext: Extension, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await ext.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id;
  });
  if (id === undefined) throw new Error(`No tab for ${page.url()}`);
  return id;
}
