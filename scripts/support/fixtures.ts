import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { SITE_ADAPTERS } from '../../lib/extract/registry';

export const FIXTURES_DIR = resolve(import.meta.dirname, '../../tests/fixtures');
/**
 * The capture fixtures' folders: one per site adapter (named by its id), `generic` for the generic sources and
 * `hostile` for pages built to break things. Other folders under tests/fixtures belong to other features.
 */
export const CAPTURE_GROUPS = [...SITE_ADAPTERS.map((a) => a.id), 'generic', 'hostile', 'email-plain'];

/**
 * The URL a saved page was served at: Chromium's "Save page as" writes `<!-- saved from url=(0042)https://… -->`
 * at the top, and so do our fixtures, so URL-matched site adapters apply. Without one, a fixed URL per file
 * (never a random port: expected outputs must not depend on where the page was served).
 */
export function fixtureUrl(html: string, path: string): string {
  const m = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 4000));
  return m?.[1] ?? `https://fixtures.prospector.test/${relative(FIXTURES_DIR, path).split('\\').join('/')}`;
}

export interface Fixture {
  /** Folder name: a site adapter's id (linkedin-profile) or a group (generic, hostile). */
  group: string;
  name: string;
  path: string;
  expectedPath: string;
}

/** Every capture fixture: tests/fixtures/<group>/<case>.html (each with <case>.expected.json once recorded). */
export function listFixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const group of CAPTURE_GROUPS) {
    let files: string[] = [];
    try {
      files = readdirSync(join(FIXTURES_DIR, group)).sort();
    } catch {
      continue;
    }
    for (const file of files) {
      if (!file.endsWith('.html')) continue;
      const path = join(FIXTURES_DIR, group, file);
      out.push({ group, name: file.replace(/\.html$/, ''), path, expectedPath: expectedPathOf(path) });
    }
  }
  return out;
}

export function expectedPathOf(page: string): string {
  return join(dirname(page), `${basename(page).replace(/\.html?$/i, '')}.expected.json`);
}

export function readFixture(path: string): string {
  return readFileSync(path, 'utf8');
}
