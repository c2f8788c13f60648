// npm run new:adapter -- <id> [--site <site-id>] [--host <host>]... [--label <Site name>] [--auto-detect]
//
// Writes a site adapter: lib/extract/sites/<id>.ts, its line in lib/extract/registry.ts and its fixture folder
// tests/fixtures/<id>/. The site defaults to the adapter's id. A site not yet declared is added to
// lib/extract/site-list.ts (its hosts, the label key site_<site> in every locale through scripts/i18n-add.mjs, and
// auto-detection only with --auto-detect, since that asks reps for a permission). Then: save pages into the fixture
// folder, write extract(), npm run fixture:record, and tests/unit/extract/registry.test.ts says what is missing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(process.env.PROSPECTOR_ROOT ?? join(import.meta.dirname, '..'));
const { values, positionals } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  allowPositionals: true,
  options: {
    site: { type: 'string' },
    host: { type: 'string', multiple: true },
    label: { type: 'string' },
    'auto-detect': { type: 'boolean', default: false },
  },
});

function fail(message) {
  console.error(message);
  process.exit(2);
}

const id = positionals[0] ?? '';
if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(id))
  fail(
    'usage: npm run new:adapter -- <id> [--site <site>] [--host <host>]... [--label <name>] [--auto-detect]\n' +
      '  <id>: lower-case words joined by "-" (linkedin-jobs), also the file name under lib/extract/sites/',
  );
const site = values.site ?? id;
if (!/^[a-z][a-z0-9-]*$/.test(site)) fail(`Bad site id "${site}": lower-case letters, digits and "-".`);
const camel = id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const path = (p) => join(ROOT, p);
const adapterFile = path(`lib/extract/sites/${id}.ts`);
if (existsSync(adapterFile)) fail(`lib/extract/sites/${id}.ts exists already.`);

// 1. The site, unless declared already.
const siteList = readFileSync(path('lib/extract/site-list.ts'), 'utf8');
const declared = new RegExp(`\\bid: '${site}'`).test(siteList);
if (!declared) {
  const hosts = values.host ?? [];
  if (!hosts.length) fail(`Site "${site}" is not declared in lib/extract/site-list.ts: name its hosts with --host.`);
  for (const h of hosts) if (!/^[a-z0-9.-]+$/.test(h)) fail(`Bad host "${h}": a host name such as app.example.com.`);
  const label = values.label ?? site.charAt(0).toUpperCase() + site.slice(1);
  const entry = `  { id: '${site}', hosts: [${hosts.map((h) => `'${h}'`).join(', ')}], label: 'site_${site.replace(/-/g, '_')}', autoDetect: ${values['auto-detect']} },\n`;
  const end = siteList.indexOf('] as const satisfies readonly Site[];');
  if (end < 0) fail('lib/extract/site-list.ts: cannot find the end of SITES.');
  writeFileSync(path('lib/extract/site-list.ts'), siteList.slice(0, end) + entry + siteList.slice(end));
  // A brand's name reads the same in both languages; a translator can change it later.
  const strings = path(`.new-adapter-${process.pid}.json`);
  writeFileSync(strings, JSON.stringify({ [`site_${site.replace(/-/g, '_')}`]: { en: label, id: label } }));
  try {
    execFileSync(process.execPath, [path('scripts/i18n-add.mjs'), strings], { stdio: 'inherit' });
  } finally {
    execFileSync(process.execPath, ['-e', `require('node:fs').rmSync(${JSON.stringify(strings)})`]);
  }
}

// 2. The adapter.
writeFileSync(
  adapterFile,
  `import { CandidateBuilder } from '../candidate';
import { describe, pick } from '../dom';
import { siteOf } from '../site-list';
import type { Extractor } from '../types';

/**
 * TODO(${new Date().toISOString().slice(0, 10)}): which pages of ${site} this reads, and what it finds on them.
 * Pure: reads only \`doc\` and \`url\` (no global document, no browser APIs, no network).
 */
export const ${camel}: Extractor = {
  id: '${id}',
  site: '${site}',
  priority: 200,
  generic: 'fallback',
  matches: (url) => siteOf(url) === '${site}',
  extract(doc, url) {
    const nameEl = pick(doc, ['h1']);
    if (!nameEl) return [];
    const b = new CandidateBuilder('${id}', 0.8, url);
    b.set('name', nameEl.textContent, describe(nameEl));
    const c = b.done();
    return c ? [c] : [];
  },
};
`,
);

// 3. Its registry line: the import and its place in SITE_ADAPTERS.
const registryPath = path('lib/extract/registry.ts');
let registry = readFileSync(registryPath, 'utf8');
registry = `import { ${camel} } from './sites/${id}';\n${registry}`;
const list = /export const SITE_ADAPTERS: readonly Extractor\[\] = \[([^\]]*)\];/;
if (!list.test(registry)) fail('lib/extract/registry.ts: cannot find SITE_ADAPTERS.');
registry = registry.replace(list, (_, items) => {
  const names = items
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return `export const SITE_ADAPTERS: readonly Extractor[] = [${[...names, camel].join(', ')}];`;
});
writeFileSync(registryPath, registry);

// 4. Its fixture folder.
mkdirSync(path(`tests/fixtures/${id}`), { recursive: true });
writeFileSync(
  path(`tests/fixtures/${id}/README.md`),
  `# Saved pages for the ${id} adapter

Save real pages of ${site} here with Chromium's "Save page as… → Webpage, HTML only" (it writes the page's address
in a \`<!-- saved from url=… -->\` comment at the top: the adapter runs only on its own URLs), strip anything
personal, then record what the reader finds: \`npm run fixture:record -- tests/fixtures/${id}/<page>.html\`.
Review the recorded \`.expected.json\` before committing: expected outputs are recorded, never typed.
`,
);

// Biome orders the imports and formats what was written.
try {
  execFileSync(
    path('node_modules/.bin/biome'),
    ['check', '--write', adapterFile, registryPath, path('lib/extract/site-list.ts')],
    {
      stdio: 'ignore',
      cwd: ROOT,
    },
  );
} catch {
  // Formatting is a nicety: npm run format does it too.
}
console.log(`Wrote lib/extract/sites/${id}.ts, its line in lib/extract/registry.ts and tests/fixtures/${id}/.
${declared ? '' : `Declared site "${site}" in lib/extract/site-list.ts with its label site_${site.replace(/-/g, '_')} in every locale.\n`}Next: save pages into tests/fixtures/${id}/, write extract(), npm run fixture:record, npm run check.`);
