// The docs name files, folders and npm scripts; when one is renamed or removed, the doc that names it must change
// too. This reads every document and checks each path in backticks or in a relative link exists, and each
// `npm run <script>` is in package.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const DOCS = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(resolve(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const TOP = /^(?:lib|components|entrypoints|tests|scripts|build|public|docs|\.ci)\//;
const scripts = Object.keys(JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')).scripts);

/** The part of a path before any placeholder (`<id>`, `*`, `{a,b}`), up to its last slash: that much must exist. */
function fixedPart(path: string): string {
  const cut = path.search(/[<*{]/);
  return cut < 0 ? path : path.slice(0, path.lastIndexOf('/', cut) + 1);
}

/** Each path a document names: in backticks (one path or a space-separated command's arguments) or links. */
function namedPaths(text: string): string[] {
  const paths: string[] = [];
  for (const [, code] of text.matchAll(/`([^`\n]+)`/g)) {
    for (const word of code!.split(/\s+/)) {
      const path = word.replace(/[),.;:]+$/, '').replace(/^\(/, '');
      if (TOP.test(path)) paths.push(path.replace(/#.*$/, '').replace(/:\d+$/, ''));
    }
  }
  return paths;
}

describe('documents', () => {
  for (const doc of DOCS) {
    const text = readFileSync(resolve(ROOT, doc), 'utf8');
    it(`${doc} names only paths that exist`, () => {
      const missing = namedPaths(text).filter((p) => !existsSync(resolve(ROOT, fixedPart(p))));
      expect(missing, `${doc} names these paths, which do not exist: rename them in the doc`).toEqual([]);
    });
    it(`${doc} links only documents that exist`, () => {
      const links = [...text.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)]
        .map((m) => m[1]!)
        .filter((l) => !/^[a-z]+:/.test(l));
      const missing = links.filter((l) => !existsSync(resolve(ROOT, dirname(doc), l)));
      expect(missing, `${doc} links these, which do not exist`).toEqual([]);
    });
    it(`${doc} names only npm scripts that exist`, () => {
      const named = [...text.matchAll(/npm run (?:-s )?([\w:-]+)/g)].map((m) => m[1]!);
      const missing = named.filter((s) => !scripts.includes(s));
      expect(missing, `${doc} names these npm scripts, which package.json does not have`).toEqual([]);
    });
  }

  it('finds the paths a document names (so the checks above cannot pass by finding none)', () => {
    expect(namedPaths('see `lib/db/schema.ts`, then `npm run fixture:record -- tests/fixtures/<id>/*.html`.')).toEqual([
      'lib/db/schema.ts',
      'tests/fixtures/<id>/*.html',
    ]);
    expect(fixedPart('tests/fixtures/<id>/*.html')).toBe('tests/fixtures/');
    expect(namedPaths(readFileSync(resolve(ROOT, 'CONTRIBUTING.md'), 'utf8')).length).toBeGreaterThan(20);
  });
});
