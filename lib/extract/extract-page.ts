import type { CandidateInput } from '../model';
import { mergeCandidates } from './merge-candidates';
import { EXTRACTORS } from './registry';
import { cleanText } from './text';
import type { Extractor } from './types';

const MAX_CANDIDATES = 200;

/** The site id recorded as a capture's source. */
export function siteOf(url: URL): string {
  const host = url.hostname.replace(/^www\./, '');
  if (host.endsWith('linkedin.com')) return 'linkedin';
  if (host === 'mail.google.com') return 'gmail';
  if (host.startsWith('outlook.')) return 'outlook';
  if (host === 'github.com') return 'github';
  return 'web';
}

export interface RawCapture {
  url: string;
  title: string;
  site: string;
  candidates: CandidateInput[];
}

/**
 * Everyone on the page: site adapters that match the URL first, then the generic sources; one candidate per
 * person. One extractor failing never stops the others. Runs inside the page, so it carries no schema library:
 * whoever receives the result validates it (lib/model PageCapture), as it must anyway.
 */
export function extractPage(doc: Document, href: string, extractors: readonly Extractor[] = EXTRACTORS): RawCapture {
  const url = new URL(href);
  const applicable = extractors.filter((e) => !e.matches || e.matches(url)).sort((a, b) => b.priority - a.priority);
  const found: CandidateInput[] = [];
  for (const extractor of applicable) {
    try {
      found.push(...extractor.extract(doc, url));
    } catch (err) {
      console.warn(`Prospector: extractor ${extractor.id} failed`, err);
    }
  }
  const candidates = mergeCandidates(found)
    .filter((c) => c.name || c.emails?.length || c.linkedinUrl)
    .slice(0, MAX_CANDIDATES);
  return { url: url.href.slice(0, 500), title: cleanText(doc.title), site: siteOf(url), candidates };
}
