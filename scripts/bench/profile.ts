import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The browser profile a benchmark runs in: a fresh one by default; with PROSPECTOR_BENCH_PROFILE=DIR, the folder
 * DIR/<name>, kept between runs, so the demo data a benchmark needs (100,000 contacts take minutes to generate)
 * is loaded once and found again next time. Each benchmark checks what its profile already holds before loading.
 * Kept per build folder (PROSPECTOR_E2E_OUT): an unpacked extension's id, and so its database, follows its path,
 * and Chromium does not start on a profile made for the same extension at another path.
 */
export function benchProfile(name: string): string {
  const root = process.env.PROSPECTOR_BENCH_PROFILE;
  if (!root) return '';
  const dir = join(root, process.env.PROSPECTOR_E2E_OUT ?? '.output-e2e', name);
  mkdirSync(dir, { recursive: true });
  return dir;
}
