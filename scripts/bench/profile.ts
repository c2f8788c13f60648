import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR } from '../support/browser';

/**
 * The browser profile a benchmark runs in: a fresh one by default; with PROSPECTOR_BENCH_PROFILE=DIR, a folder
 * under DIR kept between runs, so the demo data a benchmark needs (100,000 contacts take minutes to generate)
 * is loaded once and found again next time. Each benchmark checks what its profile already holds before loading.
 * The folder is per build folder (an unpacked extension's id, and so its database, follows its path) and per
 * background script: a kept profile keeps running the service worker it registered first, whatever the build
 * says now, so a changed background gets a profile of its own.
 */
export function benchProfile(name: string): string {
  const root = process.env.PROSPECTOR_BENCH_PROFILE;
  if (!root) return '';
  const background = createHash('sha256')
    .update(readFileSync(join(EXTENSION_DIR, 'background.js')))
    .digest('hex')
    .slice(0, 10);
  const dir = join(root, process.env.PROSPECTOR_E2E_OUT ?? '.output-e2e', `${name}-${background}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}
