import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTRACTORS, GENERIC_SOURCES, SITE_ADAPTERS } from '@/lib/extract/registry';
import { originsOf, SITES, siteById, siteOf } from '@/lib/extract/site-list';
import type { Extractor } from '@/lib/extract/types';
import { FIXTURES_DIR, fixtureUrl, listFixtures, readFixture } from './fixtures';

const ROOT = resolve(import.meta.dirname, '../../..');

const EXTRACT_DIR = resolve(import.meta.dirname, '../../../lib/extract');
const files = (dir: string) =>
  readdirSync(join(EXTRACT_DIR, dir))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.replace(/\.ts$/, ''));

async function exported(dir: string, file: string): Promise<Extractor[]> {
  const mod = (await import(`../../../lib/extract/${dir}/${file}.ts`)) as Record<string, unknown>;
  return Object.values(mod).filter((v): v is Extractor => !!v && typeof v === 'object' && 'id' in v && 'priority' in v);
}

describe('extractor registry', () => {
  for (const [dir, list] of [
    ['sites', SITE_ADAPTERS],
    ['sources', GENERIC_SOURCES],
  ] as const) {
    for (const file of files(dir)) {
      it(`lib/extract/${dir}/${file}.ts is registered under its own name`, async () => {
        const found = await exported(dir, file);
        expect(
          found.map((e) => e.id),
          `export one extractor whose id is "${file}"`,
        ).toEqual([file]);
        expect(
          list,
          `add it to ${dir === 'sites' ? 'SITE_ADAPTERS' : 'GENERIC_SOURCES'} in lib/extract/registry.ts`,
        ).toContain(found[0]);
      });
    }
    it(`every extractor in the ${dir} list has its file`, () => {
      for (const e of list) expect(files(dir), `lib/extract/${dir}/${e.id}.ts`).toContain(e.id);
    });
  }

  it('keeps site adapters and generic sources apart, ids unique', () => {
    for (const a of SITE_ADAPTERS) {
      expect(a.matches, `${a.id} needs a URL pattern`).toBeTypeOf('function');
      expect(a.priority, `${a.id} must outrank the generic sources`).toBeGreaterThanOrEqual(100);
    }
    for (const s of GENERIC_SOURCES) {
      expect(s.matches, `${s.id} is generic: no URL pattern`).toBeUndefined();
      expect(s.priority).toBeLessThan(100);
    }
    expect(new Set(EXTRACTORS.map((e) => e.id)).size).toBe(EXTRACTORS.length);
  });

  for (const a of SITE_ADAPTERS) {
    it(`site adapter ${a.id} has recorded fixtures its URL pattern matches`, () => {
      const own = listFixtures().filter((f) => f.group === a.id);
      expect(own.length, `add saved pages to tests/fixtures/${a.id}/ and record them`).toBeGreaterThan(0);
      for (const f of own) {
        expect(existsSync(f.expectedPath), `npm run fixture:record -- ${f.path}`).toBe(true);
        // A page saved without its address is served at fixtures.prospector.test: the adapter never runs on it
        // and the generic sources' answer would be recorded as the adapter's.
        const url = new URL(fixtureUrl(readFixture(f.path), f.path));
        expect(
          a.matches?.(url),
          `${relative(ROOT, f.path)} is read at ${url.href}, which ${a.id}.matches() refuses: put the address the ` +
            `page was saved from in its first lines as <!-- saved from url=(0000)https://… --> (Chromium's "Save ` +
            `page as" writes it), then npm run fixture:record -- ${relative(ROOT, f.path)}`,
        ).toBe(true);
      }
    });

    it(`site adapter ${a.id} declares its site`, () => {
      expect(
        siteById(a.site ?? ''),
        `give ${a.id} a \`site\` declared in lib/extract/site-list.ts (id, hosts, label, autoDetect)`,
      ).toBeDefined();
    });
  }

  describe('the declared sites', () => {
    const locales = readdirSync(join(ROOT, 'public/_locales'));

    it('each has adapters, and every adapter of a site matches only its hosts', () => {
      for (const site of SITES)
        expect(
          SITE_ADAPTERS.some((a) => a.site === site.id),
          `${site.id} is declared in lib/extract/site-list.ts but no adapter in lib/extract/sites/ reads it`,
        ).toBe(true);
      for (const a of SITE_ADAPTERS)
        for (const f of listFixtures().filter((x) => x.group !== a.id)) {
          const url = new URL(fixtureUrl(readFixture(f.path), f.path));
          if (a.matches?.(url))
            expect(siteOf(url), `${a.id} matches ${url.href}, which is not on its site ${a.site}`).toBe(a.site);
        }
    });

    for (const site of SITES)
      it(`${site.id} has its label in every locale`, () => {
        for (const lang of locales) {
          const catalog = JSON.parse(readFileSync(join(ROOT, `public/_locales/${lang}/messages.json`), 'utf8'));
          expect(
            catalog[site.label]?.message,
            `add "${site.label}" (the site's name as a rep reads it) to public/_locales/${lang}/messages.json: ` +
              `node scripts/i18n-add.mjs strings.json with {"${site.label}": {"en": "…", "id": "…"}}`,
          ).toBeTruthy();
        }
      });

    // Loading wxt.config.ts (and its Vite plugins) takes seconds on a busy machine: the limit is for hangs.
    it('every auto-detect origin is an optional permission in the Chrome and Firefox manifests', {
      timeout: 60_000,
    }, async () => {
      const { default: config } = await import('../../../wxt.config');
      const manifestOf = async (browser: string, manifestVersion: 2 | 3) =>
        (typeof config.manifest === 'function'
          ? await config.manifest({ browser, manifestVersion, mode: 'production', command: 'build' } as never)
          : config.manifest) as { optional_host_permissions?: string[]; optional_permissions?: string[] };
      const chrome = await manifestOf('chrome', 3);
      const firefox = await manifestOf('firefox', 2);
      for (const site of SITES.filter((s) => s.autoDetect))
        for (const origin of originsOf(site)) {
          const fix = `wxt.config.ts must list ${origin} (site ${site.id}): use autoDetectOrigins() from lib/extract/site-list.ts`;
          expect(chrome.optional_host_permissions, `${fix} in optional_host_permissions`).toContain(origin);
          expect(firefox.optional_permissions, `${fix} in Firefox's optional_permissions`).toContain(origin);
        }
    });
  });

  it('every capture fixture has its recorded expectation, and no expectation is orphaned', () => {
    for (const f of listFixtures()) expect(existsSync(f.expectedPath), f.path).toBe(true);
    for (const group of readdirSync(FIXTURES_DIR)) {
      if (!listFixtures().some((f) => f.group === group)) continue;
      for (const file of readdirSync(join(FIXTURES_DIR, group)).filter((x) => x.endsWith('.expected.json')))
        expect(existsSync(join(FIXTURES_DIR, group, file.replace('.expected.json', '.html'))), file).toBe(true);
    }
  });
});
