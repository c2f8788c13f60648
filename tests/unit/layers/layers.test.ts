import { describe, expect, it } from 'vitest';
import { closure, evaluationOrder, filesUnder, importsOf } from './import-graph';

/**
 * The layers, checked over the import graph (parsed with TypeScript's own parser):
 * entrypoints wire, components draw, lib/ holds the logic; the page reader and the popup's first screen stay light.
 */

const PAGE_READER = 'entrypoints/capture.ts';
/** "Log this thread" reads the open mail thread with a reader of its own (lib/extract/thread/). */
const THREAD_READER = 'entrypoints/thread.ts';
const POPUP = 'entrypoints/popup/main.tsx';
const HEAVY_FOR_PAGES = ['zod', 'dexie', 'libphonenumber-js'];
const isI18n = (f: string) => f.startsWith('lib/i18n/');
const chain = (c: Map<string, string[]>, f: string) => c.get(f)?.join(' → ') ?? f;

// Parsing every file takes seconds on a busy machine: the time limit is for hangs, not speed.
describe('layers', { timeout: 60_000 }, () => {
  it('components never import entrypoints (not even a type)', () => {
    const wrong = filesUnder('components').flatMap((f) =>
      importsOf(f)
        .filter((e) => e.to.startsWith('entrypoints/'))
        .map((e) => `${f} imports ${e.specifier}`),
    );
    expect(wrong, 'move what both need into components/ or lib/').toEqual([]);
  });

  it('scripts never import tests (tests may use scripts/support/)', () => {
    const wrong = filesUnder('scripts').flatMap((f) =>
      importsOf(f)
        .filter((e) => e.to.startsWith('tests/'))
        .map((e) => `${f} imports ${e.specifier}`),
    );
    expect(wrong, 'move what both need into scripts/support/').toEqual([]);
  });

  for (const reader of [PAGE_READER, THREAD_READER])
    it(`${reader}: the page reader carries no schema, database, phone or i18n library`, () => {
      // It is injected into the rep's tabs on every capture: each kilobyte is parsed in the page.
      const c = closure(reader, { lazy: true });
      const heavy = [...c.keys()].filter((f) => HEAVY_FOR_PAGES.includes(f) || isI18n(f));
      expect(
        heavy.map((f) => chain(c, f)),
        'the page returns raw text; validate, normalise and translate off the page (lib/capture/prepare.ts)',
      ).toEqual([]);
    });

  it("the popup's open path does not load zod", () => {
    // main.tsx and the render module it awaits at once: what runs before the first screen shows.
    const c = closure(POPUP, { lazy: false });
    for (const [f, path] of closure('entrypoints/popup/render.tsx', { lazy: false }))
      if (!c.has(f)) c.set(f, [POPUP, ...path]);
    expect(c.has('entrypoints/popup/render.tsx')).toBe(true);
    expect(
      c.has('zod') ? chain(c, 'zod') : null,
      'load the message client lazily (lib/popup/send-lazy.ts); the first screen reads settings without zod',
    ).toBeNull();
  });

  const ENTRIES = ['entrypoints/background/index.ts', 'entrypoints/options/main.tsx', POPUP, PAGE_READER];
  for (const entry of ENTRIES)
    it(`${entry}: zod is set jitless before any schema is built`, () => {
      const SETUP = 'lib/zod-setup.ts';
      const buildsSchemas = (f: string) => f !== SETUP && importsOf(f).some((e) => e.to === 'zod' && !e.typeOnly);
      const problems: string[] = [];
      // The entry's modules, then each module it loads later (import(), workers), after what loaded before it.
      const check = (root: string, done: ReadonlySet<string>, seen: Set<string>) => {
        if (seen.has(root)) return;
        seen.add(root);
        const order = evaluationOrder(root, done);
        const setup = done.has(SETUP) ? -1 : order.indexOf(SETUP);
        const first = order.findIndex(buildsSchemas);
        if (first >= 0 && (setup === -1 ? !done.has(SETUP) : setup > first))
          problems.push(`${order[first]} (loaded from ${root}) builds schemas before ${SETUP}`);
        const now = new Set([...done, ...order]);
        for (const f of order) for (const e of importsOf(f)) if (e.lazy) check(e.to, now, seen);
      };
      check(entry, new Set(), new Set());
      expect(problems, `import '@/lib/zod-setup' first in ${entry} or in the module it loads lazily`).toEqual([]);
    });

  it('no component reads the database directly', () => {
    // Reads belong in lib/ read functions (lib/read/) that components call through the one live-query hook, or
    // readNow for a button's read (issue #14.3). Type-only imports of the row shapes are fine.
    const direct = filesUnder('components').filter((f) =>
      importsOf(f).some((e) => !e.typeOnly && (e.to === 'dexie' || e.to.startsWith('lib/db/'))),
    );
    expect(direct, 'read through a function in lib/read/ instead (components/use-live-query.ts, readNow)').toEqual([]);
  });
});
