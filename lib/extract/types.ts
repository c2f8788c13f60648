import type { CandidateInput } from '../model';
import type { Budget } from './limits';
import type { SiteId } from './site-list';

/** Where one field's value came from: the extractor's id, the element or key it was read from, how sure we are. */
export interface FieldSource {
  source: string;
  detail?: string;
  confidence?: number;
}

/** A person as an extractor found them: cleaned page text, not yet normalised (that happens off the page). */
export type RawCandidate = CandidateInput & { provenance?: Record<string, FieldSource> };

/**
 * What a site adapter lets the generic sources do after it ran: `fallback` = only when the adapter found nobody
 * (a LinkedIn profile's sidebars are full of other people), `never` = not at all (a mailbox's message list would
 * turn every correspondent into a candidate).
 */
export type GenericPolicy = 'fallback' | 'never';

/**
 * One way of finding people on a page: a site adapter (matched by URL, in lib/extract/sites/) or a generic source
 * (lib/extract/sources/). Pure: reads only `doc` and `url`, never the global document, the network or browser
 * APIs, so a saved page tests it. Registered once in lib/extract/registry.ts.
 */
export interface Extractor {
  /** Stable id, recorded in each value's provenance. Also the file name under sources/ or sites/. */
  id: string;
  /** Higher runs first. Site adapters: 100+, generic sources: < 100. */
  priority: number;
  /** Site adapters only: the site they read, declared in lib/extract/site-list.ts (hosts, label, auto-detection). */
  site?: SiteId;
  /** Site adapters only: the pages of their site they understand. */
  matches?: (url: URL) => boolean;
  /**
   * Site adapters: what the generic sources may do after it (default `fallback`). A generic source may say
   * `never` too: when it found people, the lower generic sources do not run (a page that is one email message).
   */
  generic?: GenericPolicy;
  /**
   * The people this extractor sees on the page. Loops over the page spend `budget` and stop when it says so: the
   * reader shares one allowance of time and work (lib/extract/limits.ts), so no page can freeze its tab.
   */
  extract?(doc: Document, url: URL, budget: Budget): RawCandidate[];
  /**
   * The messages of an email thread on the page, as text: their signatures are read off the page
   * (lib/capture/prepare.ts → lib/extract/email/thread.ts), which keeps that engine out of the injected reader.
   */
  thread?(doc: Document, url: URL): RawThread | null;
  /** A generic source with `generic: 'never'`: true when the page is its kind even if it found no one. */
  owns?(doc: Document): boolean;
  /**
   * HTML fragments for the background to parse with a library too large to inject into pages (h-card uses the
   * microformats-parser, which brings parse5). See lib/capture/prepare.ts.
   */
  collect?(doc: Document, url: URL): string[];
}

/** HTML a source collected in the page, parsed off the page. */
export interface Fragment {
  source: string;
  priority: number;
  html: string;
}

/**
 * One message of a thread as the reader saw it: address texts as shown ("Jane Doe <jane@acme.com>"), where the
 * sender sits on the page, and the body's lines (quote and signature marks included: see email/marks.ts).
 */
export interface RawMessage {
  from: string;
  fromAt: string;
  to: string[];
  lines: string[];
  /** The page is the message: its header (From, To) is the first lines of `lines`. */
  headerInBody?: boolean;
}

/** A thread's messages and the signed-in account's addresses (never prospects). */
export interface RawThread {
  source: string;
  self: string[];
  messages: RawMessage[];
}

/** What the injected reader returns: everything found, unmerged and not yet normalised. */
export interface RawCapture {
  url: string;
  title: string;
  site: string;
  /** The page's language tag (`<html lang>`, og:locale): a hint for the phone numbers' country. */
  lang: string;
  /** The site's own name (og:site_name, application-name): names the company behind the page's addresses. */
  siteName: string;
  found: RawCandidate[];
  fragments: Fragment[];
  threads: RawThread[];
  /** Extractors that threw or ran out of time (their id): reported, never fatal. */
  failed: string[];
}
