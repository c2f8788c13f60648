import type { CandidateInput } from '../model';

/**
 * One way of finding people on a page: a site adapter (matched by URL) or a generic source. Pure: reads only
 * `doc` and `url`, never the global document, the network or browser APIs, so a saved page tests it.
 */
export interface Extractor {
  /** Stable id, recorded in each value's provenance. Also the file name under sources/ or sites/. */
  id: string;
  /** Higher runs first and wins a conflicting single-valued field. Site adapters: 100+, generic sources: < 100. */
  priority: number;
  /** Site adapters only: the pages they understand. */
  matches?: (url: URL) => boolean;
  extract(doc: Document, url: URL): CandidateInput[];
}
