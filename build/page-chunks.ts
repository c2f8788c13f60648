import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/** What rolldown's chunking passes to a code-splitting group's name function (the part used here). */
interface ChunkingContext {
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

const at = (path: string) => resolve(import.meta.dirname, '..', path);

/**
 * The chunks on the pages' open paths, each what one module imports statically (minus what an earlier group
 * took), first to last:
 * - popup-open: all the popup's first module imports statically: its tab, settings and page reads, the first
 *   screen (render.tsx on), Preact and the strings. One file beside the first module: each file the popup waits
 *   for cost it a request, a response and a module to link, ~2 ms of its main thread in a trace (issue #12,
 *   builds taking turns, 8 rounds of 10 opens: ready 77.2 -> 74.5 ms and the first module 59.1 -> 55.5, against
 *   three chunks, popup-first, options-first and popup-open; even, 74.3 both, in a run of 6). The options page
 *   loads it too (Preact, the strings, the small modules both pages' first modules share), preloaded from its
 *   HTML;
 * - options-first: what only the options page's first module needs (it starts the board's first reads);
 * - store: the database and its live reads (Dexie), which the popup loads after its first screen;
 * - model: the model's schemas and zod, for the options page's start and the message client;
 * - options-open: the rest of the options page's start (settings, the board's prefetch, the page's frame);
 * - client: the message client and its protocol (the popup loads it lazily; every view sends);
 * - board-lib: the logic the board shares with other views and the popup's forms;
 * - board-view: the board's own UI, the options page's default view.
 * Left to itself the bundler splits these into a dozen small chunks shared between pages, and each file costs a
 * page a request of its own (1-3 ms each in a trace of the popup's open, against a 100 ms budget). Code another
 * page does not use rides along in a shared chunk (about 30 KB of popup code in popup-open). An entry module
 * stays in its own chunk; CSS stays with Vite's per-page handling; the bundler's own helpers (rolldown-runtime,
 * 0.6 KB, for the CommonJS packages) stay apart, as the bundler places them.
 */
const GROUPS = [
  { name: 'popup-open', from: at('entrypoints/popup/main.tsx'), entry: true },
  { name: 'options-first', from: at('entrypoints/options/main.tsx'), entry: true },
  // The database and its live reads (Dexie, the schema, the middlewares): the popup draws its first screen from
  // the background's answer and loads these after it, for its live queries; apart from the options page's start,
  // which the popup does not need.
  { name: 'store', from: at('lib/read/watch.ts'), entry: false },
  // The model's schemas and zod, which the options page's start (its settings) and the message client share:
  // left to the options page's start, the popup loaded all of that start (the board's prefetch, the page's
  // frame, 114 KB) with its message client.
  { name: 'model', from: at('lib/model/index.ts'), entry: false },
  { name: 'options-open', from: at('entrypoints/options/start.tsx'), entry: false },
  // The message client and what it needs (the protocol, the model): loaded lazily by the popup and used by every
  // view. Left to the board's group, opening the popup loaded the whole board and its stylesheet to send a message.
  { name: 'client', from: at('lib/messaging/client.ts'), entry: false },
  // The logic the board shares with other views and the popup's forms (reads, search, formats), apart from the
  // board's own UI and stylesheet, which only the board needs.
  { name: 'board-lib', from: at('components/board/BoardView.tsx'), entry: false, only: at('lib') },
  { name: 'board-view', from: at('components/board/BoardView.tsx'), entry: false },
] as const;

/**
 * Chunks to fetch and compile while each page's HTML is parsed: what its first module imports dynamically, and
 * the small chunks the bundler makes for those dynamic imports themselves (start, BoardView: each re-exports its
 * group's chunk, and would otherwise cost a round trip of its own, ~15 ms in a trace). The popup's first module
 * imports its first screen statically, which the bundler preloads itself: only its stylesheet is handled here.
 */
const PRELOADS: Record<string, readonly string[]> = {
  popup: [],
  options: ['start', 'popup-open', 'options-open', 'BoardView', 'board-lib', 'board-view'],
};

const isCss = (id: string) => /\.css($|\?)/.test(id);

/** What `from` imports statically, directly or not. */
function staticClosure(ctx: ChunkingContext, from: string): Set<string> {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const next of ctx.getModuleInfo(id)?.importedIds ?? []) stack.push(next);
  }
  return seen;
}

/** Which group each module of the pages' open paths goes to, worked out once per chunking pass. */
function groupsOf(): (ctx: ChunkingContext) => Map<string, string> {
  let cached: { ctx: ChunkingContext; groupOf: Map<string, string> } | undefined;
  return (ctx) => {
    if (cached?.ctx !== ctx) {
      const groupOf = new Map<string, string>();
      const entries = new Set<string>(GROUPS.filter((g) => g.entry).map((g) => g.from));
      for (const group of GROUPS) {
        if (!ctx.getModuleInfo(group.from)) continue;
        const only = 'only' in group ? group.only : '';
        for (const m of staticClosure(ctx, group.from))
          if (!groupOf.has(m) && !entries.has(m) && !isCss(m) && m.startsWith(only)) groupOf.set(m, group.name);
      }
      cached = { ctx, groupOf };
    }
    return cached.groupOf;
  };
}

/**
 * One code-splitting group per chunk, in GROUPS' order by priority: the bundler takes each group's modules
 * together with their dependencies, so an earlier group must claim what it shares before a later one can.
 */
export function pageChunkGroups() {
  const groupOf = groupsOf();
  return GROUPS.map((g, i) => ({
    name: (id: string, ctx: ChunkingContext) => (!isCss(id) && groupOf(ctx).get(id) === g.name ? g.name : null),
    debugName: g.name,
    priority: GROUPS.length - i,
  }));
}

/**
 * Applies the grouping to the pages' build only: the background and the page reader are single-file IIFE
 * builds, where the bundler refuses code-splitting options.
 */
export function pageChunks(): Plugin {
  const groups = pageChunkGroups();
  return {
    name: 'prospector:page-chunks',
    outputOptions(options) {
      if (options.format && options.format !== 'es') return null;
      return { ...options, codeSplitting: { groups } };
    },
  };
}

/**
 * The pages' stylesheets held off the first modules' path, and applied by them (lib/page-styles.ts): a sheet for
 * another medium (`media="print"`) neither holds back module scripts nor blocks rendering, and is switched to all
 * media once in, at once where it has loaded by then. A `<link rel="stylesheet">` for the screen holds back every
 * module script until it has loaded (in a trace of the popup's open, the first module ran only once the sheet had
 * arrived; the options page has two sheets, fetched alongside a dozen chunks, and its first module starts the
 * board's reads); a preload applied by a second `<link>` waited for that link's load event, the popup's last wait
 * before its first render (3-4 ms after its code ran: issue #12, marks of a benchmark build). Neither page draws
 * anything before its sheets apply.
 */
function holdStylesheets(html: string): string {
  return html.replace(/<link rel="stylesheet"/g, '<link rel="stylesheet" media="print" data-apply');
}

/**
 * The popup's first module runs as soon as its files are in (`async`), not once the page is parsed: the worker
 * holds the end of the popup's page until its first screen is written in (lib/background/popup-page.ts, up to 45
 * ms), which would otherwise hold the module back whenever its files come first. It waits for the page itself only
 * while the page is still coming (entrypoints/popup/main.tsx). Builds taking turns (issue #12, docs/popup.md):
 * with a 45 ms wait and the module deferred, the first open after a browser start took ~160 ms against ~122.
 */
function runPopupModuleWhenLoaded(html: string): string {
  return html.replace(/<script type="module"(?![^>]*\basync\b)/, '<script type="module" async');
}

/**
 * Tells each page to fetch and compile its next chunk while its HTML is still being parsed: the first module
 * imports it dynamically (so its own calls to the browser start before that code runs), and without the hint
 * the download would only begin once the first module runs.
 */
export function preloadPageChunks(): Plugin {
  return {
    name: 'prospector:preload-page-chunks',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const page = /(popup|options)(?:[\\/]index)?\.html$/.exec(ctx.filename)?.[1];
        const wanted = page ? PRELOADS[page] : undefined;
        if (!ctx.bundle || !wanted) return;
        const bundle = ctx.bundle;
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk' && wanted.includes(c.name));
        // With what they import statically (the bundler's runtime, a shared chunk): each would otherwise be a
        // round trip discovered only once the chunk importing it has loaded.
        const files = new Set<string>();
        const add = (fileName: string) => {
          const chunk = bundle[fileName];
          if (files.has(fileName) || chunk?.type !== 'chunk') return;
          files.add(fileName);
          for (const next of chunk.imports) add(next);
        };
        for (const chunk of chunks) add(chunk.fileName);
        html = holdStylesheets(html);
        if (page === 'popup') html = runPopupModuleWhenLoaded(html);
        // Those the page's own tags already bring in are not hinted twice.
        const tags = [...files]
          .filter((fileName) => !html.includes(`/${fileName}"`))
          .map((fileName) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${fileName}` },
            injectTo: 'head' as const,
          }));
        return { html, tags };
      },
    },
  };
}
