import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractPage } from '@/lib/extract/extract-page';
import { fixtureUrl, listFixtures, readFixture } from './fixtures';

/** Everything that makes a browser lay the page out synchronously (or move focus or scroll). */
const ELEMENT_GETTERS = [
  'offsetTop',
  'offsetLeft',
  'offsetWidth',
  'offsetHeight',
  'offsetParent',
  'clientTop',
  'clientLeft',
  'clientWidth',
  'clientHeight',
  'scrollTop',
  'scrollLeft',
  'scrollWidth',
  'scrollHeight',
  'innerText',
  'outerText',
];
const ELEMENT_METHODS = [
  'getBoundingClientRect',
  'getClientRects',
  'scrollIntoView',
  'focus',
  'blur',
  'click',
  'checkVisibility',
];

/**
 * The reader runs inside other people's pages and must not force a layout (the issue allows it only on the
 * selection the rep made, which the separate selection reader handles). Every layout-forcing property and method
 * is trapped while the reader reads each fixture; none may be touched.
 */
describe('the page reader forces no layout', () => {
  const small = listFixtures().filter((f) => !/many-mailto|huge-json-ld/.test(f.name));
  for (const f of small) {
    it(`${f.group}/${f.name}`, { timeout: 60_000 }, () => {
      const html = readFixture(f.path);
      const url = fixtureUrl(html, f.path);
      const { window } = new JSDOM(html, { url });
      const touched: string[] = [];
      for (const proto of [window.Element.prototype, window.HTMLElement.prototype]) {
        for (const name of ELEMENT_GETTERS)
          Object.defineProperty(proto, name, {
            configurable: true,
            get: () => {
              touched.push(name);
              return 0;
            },
          });
        for (const name of ELEMENT_METHODS)
          Object.defineProperty(proto, name, { configurable: true, value: () => touched.push(name) });
      }
      window.getComputedStyle = (() => touched.push('getComputedStyle')) as never;
      const raw = extractPage(window.document, url, undefined, Number.POSITIVE_INFINITY);
      expect(raw.failed).toEqual([]);
      expect(touched).toEqual([]);
    });
  }
});
