import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/** What rolldown's chunking passes to a code-splitting group's name function (the part used here). */
interface ChunkingContext {
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

const MAIN = resolve(import.meta.dirname, '../entrypoints/popup/main.tsx');
const RENDER = resolve(import.meta.dirname, '../entrypoints/popup/render.tsx');
const isCss = (id: string) => /\.css($|\?)/.test(id);

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

/**
 * The popup's open path in two files: 'popup-first', what its tiny first module (main.tsx) imports, and
 * 'popup-open', render.tsx and everything it imports statically (Preact, Dexie, the strings, the first screen's
 * components). Left to itself the bundler splits these into a dozen chunks shared with the options page, and
 * each file costs the popup a request of its own (1–3 ms each in a trace of the open, against a 100 ms budget),
 * or merges the big one into the first module's imports, so nothing starts until all of it has run.
 * The options page imports the same chunks for what it shares; code only the popup uses (about 25 KB) rides
 * along. CSS stays with Vite's per-page CSS handling.
 */
export function popupChunkName(): (id: string, ctx: ChunkingContext) => string | null {
  let cached: { ctx: ChunkingContext; first: Set<string>; open: Set<string> } | undefined;
  return (id, ctx) => {
    if (cached?.ctx !== ctx) {
      const first = new Set<string>();
      const open = new Set<string>();
      if (ctx.getModuleInfo(MAIN) && ctx.getModuleInfo(RENDER)) {
        for (const m of staticClosure(ctx, MAIN)) if (m !== MAIN && !isCss(m)) first.add(m);
        for (const m of staticClosure(ctx, RENDER)) if (!first.has(m) && m !== MAIN && !isCss(m)) open.add(m);
      }
      cached = { ctx, first, open };
    }
    if (isCss(id)) return null;
    // The bundler's own helpers (CommonJS interop for the polyfill) go with the first module that needs them.
    if (id.includes('rolldown/runtime')) return cached.first.size ? 'popup-first' : null;
    return cached.first.has(id) ? 'popup-first' : cached.open.has(id) ? 'popup-open' : null;
  };
}

/**
 * Applies the grouping to the pages' build only: the background and the page reader are single-file IIFE
 * builds, where the bundler refuses code-splitting options.
 */
export function popupChunks(): Plugin {
  const name = popupChunkName();
  return {
    name: 'prospector:popup-chunks',
    outputOptions(options) {
      if (options.format && options.format !== 'es') return null;
      return { ...options, codeSplitting: { groups: [{ name, debugName: 'popup' }] } };
    },
  };
}

/**
 * Tells popup.html to fetch and compile the 'popup-open' chunk while the page is still being parsed: the first
 * module imports it dynamically (so its own calls to the browser start before that code runs), and without the
 * hint its download would only begin once the first module runs.
 */
export function preloadPopupOpen(): Plugin {
  return {
    name: 'prospector:preload-popup-open',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle || !/popup[\\/]index\.html$|popup\.html$/.test(ctx.filename)) return;
        const chunk = Object.values(ctx.bundle).find((c) => c.type === 'chunk' && c.name === 'popup-open');
        if (!chunk) return;
        return [
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${chunk.fileName}` },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}
