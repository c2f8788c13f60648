import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTRACTORS, GENERIC_SOURCES, SITE_ADAPTERS } from '@/lib/extract/registry';
import type { Extractor } from '@/lib/extract/types';
import { FIXTURES_DIR, listFixtures } from './fixtures';

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
      for (const f of own) expect(existsSync(f.expectedPath), `npm run fixture:record -- ${f.path}`).toBe(true);
    });
  }

  it('every capture fixture has its recorded expectation, and no expectation is orphaned', () => {
    for (const f of listFixtures()) expect(existsSync(f.expectedPath), f.path).toBe(true);
    for (const group of readdirSync(FIXTURES_DIR)) {
      if (!listFixtures().some((f) => f.group === group)) continue;
      for (const file of readdirSync(join(FIXTURES_DIR, group)).filter((x) => x.endsWith('.expected.json')))
        expect(existsSync(join(FIXTURES_DIR, group, file.replace('.expected.json', '.html'))), file).toBe(true);
    }
  });
});
