import { JSDOM } from 'jsdom';
import { prepareCapture } from '../../../lib/capture/prepare';
import { RawPageCapture } from '../../../lib/capture/raw';
import { extractPage } from '../../../lib/extract/extract-page';
import type { PageCapture } from '../../../lib/model';

/** A document parsed from HTML as if served at `url` (scripts do not run, as in a saved page). */
export function docAt(html: string, url: string): Document {
  return new JSDOM(html, { url }).window.document;
}

/** What the extension shows for a page: the injected reader's raw result, prepared as the background does. */
export function captureOf(html: string, url = 'https://acme.test/team'): PageCapture {
  return prepareCapture(RawPageCapture.parse(extractPage(docAt(html, url), url, undefined, Number.POSITIVE_INFINITY)));
}
