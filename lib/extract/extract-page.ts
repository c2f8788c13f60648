import { Budget, MAX_FOUND } from './limits';
import { EXTRACTORS } from './registry';
import { siteOf } from './site-list';
import { cleanText } from './text';
import type { Extractor, Fragment, RawCandidate, RawCapture, RawThread } from './types';

export { MAX_FOUND };

/**
 * The reader's time inside the page: extractors stop their loops when it is up and the remaining ones are skipped,
 * so a capture never holds a page for more than about this long (issue 15: within 1 s of page time, with room for
 * injecting the reader and handing its findings over on a busy machine). jsdom is tens
 * of times slower than a browser, so the fixture replay test lifts it: its answers must not depend on the clock
 * (the budget's visit count still bounds the work there).
 */
const BUDGET_MS = 600;

function siteName(doc: Document): string {
  const meta = doc.querySelector('meta[property="og:site_name" i], meta[name="application-name" i]');
  return cleanText(meta?.getAttribute('content'), 120);
}

function pageLang(doc: Document): string {
  const og = doc.querySelector('meta[property="og:locale" i]')?.getAttribute('content');
  return cleanText(og || doc.documentElement?.getAttribute('lang') || '', 35);
}

/**
 * Everyone on the page, as the page is now: site adapters whose URL pattern matches run first (highest priority
 * first); the generic sources follow unless an adapter's policy says otherwise. One extractor failing never
 * stops the others. Runs inside the page, so it carries no schema or phone library: the result is validated,
 * normalised and merged off the page (lib/capture/prepare.ts).
 */
export function extractPage(
  doc: Document,
  href: string,
  extractors: readonly Extractor[] = EXTRACTORS,
  budgetMs = BUDGET_MS,
): RawCapture {
  const url = new URL(href);
  const budget = new Budget(budgetMs);
  const ordered = [...extractors].sort((a, b) => b.priority - a.priority);
  const found: RawCandidate[] = [];
  const fragments: Fragment[] = [];
  const threads: RawThread[] = [];
  const failed: string[] = [];
  let generic = true;
  for (const ex of ordered) {
    const isSite = !!ex.matches;
    if (isSite ? !ex.matches!(url) : !generic) continue;
    if (budget.spent) {
      failed.push(`${ex.id}: time`);
      continue;
    }
    try {
      const people = ex.extract?.(doc, url, budget) ?? [];
      for (const c of people) if (found.length < MAX_FOUND) found.push(c);
      for (const html of ex.collect?.(doc, url) ?? []) fragments.push({ source: ex.id, priority: ex.priority, html });
      const thread = ex.thread?.(doc, url);
      if (thread) threads.push(thread);
      if (isSite && (ex.generic === 'never' || people.length || thread)) generic = false;
      // A generic source that understood the whole page (one email message) speaks for it.
      if (!isSite && ex.generic === 'never' && (people.length || ex.owns?.(doc))) generic = false;
    } catch (err) {
      failed.push(`${ex.id}: ${cleanText(err instanceof Error ? err.message : String(err), 200)}`);
    }
  }
  return {
    url: url.href.slice(0, 2000),
    title: cleanText(doc.title),
    site: siteOf(url),
    lang: pageLang(doc),
    siteName: siteName(doc),
    found,
    fragments,
    threads,
    failed,
  };
}
