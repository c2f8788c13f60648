import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { Budget } from '@/lib/extract/limits';
import type { Site } from '@/lib/extract/site-list';
import type { Extractor } from '@/lib/extract/types';

const ROOT = resolve(import.meta.dirname, '../../..');
// A copy of the parts the scaffold edits, inside the repository so that packages still resolve from it.
mkdirSync(join(ROOT, 'node_modules/.tmp'), { recursive: true });
const COPY = mkdtempSync(join(ROOT, 'node_modules/.tmp/new-adapter-'));
for (const part of ['lib', 'public/_locales', 'scripts/i18n-add.mjs', 'scripts/new-adapter.mjs'])
  cpSync(join(ROOT, part), join(COPY, part), { recursive: true });
afterAll(() => rmSync(COPY, { recursive: true, force: true }));

const run = (...args: string[]) =>
  execFileSync(process.execPath, [join(COPY, 'scripts/new-adapter.mjs'), ...args], {
    env: { ...process.env, PROSPECTOR_ROOT: COPY },
    encoding: 'utf8',
    stdio: 'pipe',
  });

describe('npm run new:adapter', () => {
  it('writes the adapter, its registry line, its fixture folder, and declares a new site with its label', async () => {
    run('--', 'acme-crm', '--host', 'app.acme-crm.test', '--label', 'Acme CRM');
    expect(existsSync(join(COPY, 'lib/extract/sites/acme-crm.ts'))).toBe(true);
    expect(existsSync(join(COPY, 'tests/fixtures/acme-crm/README.md'))).toBe(true);
    for (const lang of ['en', 'id']) {
      const catalog = JSON.parse(readFileSync(join(COPY, `public/_locales/${lang}/messages.json`), 'utf8'));
      expect(catalog.site_acme_crm.message).toBe('Acme CRM');
    }

    // The copy, loaded as the extension would: registered, on its site, reading a page.
    const registry = (await import(join(COPY, 'lib/extract/registry.ts'))) as { SITE_ADAPTERS: Extractor[] };
    const sites = (await import(join(COPY, 'lib/extract/site-list.ts'))) as {
      SITES: readonly Site[];
      siteOf: (u: URL) => string;
    };
    const adapter = registry.SITE_ADAPTERS.find((a) => a.id === 'acme-crm');
    expect(adapter?.site).toBe('acme-crm');
    expect(sites.SITES.find((s) => s.id === 'acme-crm')).toMatchObject({
      hosts: ['app.acme-crm.test'],
      label: 'site_acme_crm',
      autoDetect: false,
    });
    const url = new URL('https://app.acme-crm.test/people/42');
    expect(sites.siteOf(url)).toBe('acme-crm');
    expect(adapter?.matches?.(url)).toBe(true);
    expect(adapter?.matches?.(new URL('https://www.linkedin.com/in/x/'))).toBe(false);
    const doc = new JSDOM('<h1>Dewi Lestari</h1>').window.document;
    expect(adapter?.extract?.(doc, url, new Budget()).map((c) => c.name)).toEqual(['Dewi Lestari']);
  });

  it('adds an adapter to a declared site without declaring it again', async () => {
    const before = readFileSync(join(COPY, 'lib/extract/site-list.ts'), 'utf8');
    run('--', 'linkedin-jobs', '--site', 'linkedin');
    expect(readFileSync(join(COPY, 'lib/extract/site-list.ts'), 'utf8')).toBe(before);
    expect(readFileSync(join(COPY, 'lib/extract/registry.ts'), 'utf8')).toMatch(
      /import \{ linkedinJobs \} from '\.\/sites\/linkedin-jobs';[\s\S]*SITE_ADAPTERS[^;]*linkedinJobs/,
    );
  });

  it('refuses a bad id, an existing adapter and an undeclared site without hosts, changing nothing', () => {
    const registry = readFileSync(join(COPY, 'lib/extract/registry.ts'), 'utf8');
    expect(() => run('--', 'Bad Id')).toThrow(/lower-case words/);
    expect(() => run('--', 'gmail')).toThrow(/exists already/);
    expect(() => run('--', 'newsite')).toThrow(/--host/);
    expect(readFileSync(join(COPY, 'lib/extract/registry.ts'), 'utf8')).toBe(registry);
  });
});
