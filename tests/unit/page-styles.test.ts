import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { applyPageStyles } from '@/lib/page-styles';

const page = () =>
  new JSDOM(
    '<head><link rel="stylesheet" media="print" data-apply crossorigin href="/assets/popup.css">' +
      '<link rel="stylesheet" media="print" href="/assets/print.css"></head>',
    { url: 'chrome-extension://prospector/popup.html' },
  ).window.document;

const held = (doc: Document) => doc.querySelector<HTMLLinkElement>('link[data-apply]')!;
const other = (doc: Document) => doc.querySelector<HTMLLinkElement>('link:not([data-apply])')!;

describe('applyPageStyles (a page stylesheet held for print, so it never holds back the first module)', () => {
  it('applies a sheet already in at once: no wait for an event', async () => {
    const doc = page();
    // As a browser has it once the sheet has loaded and been parsed.
    Object.defineProperty(held(doc), 'sheet', { value: {} });
    const applied = applyPageStyles(doc);
    expect(held(doc).media).toBe('all');
    await expect(applied).resolves.toBeUndefined();
    // A print sheet of the page's own, not marked by the build, is left alone.
    expect(other(doc).media).toBe('print');
  });

  it('waits for a sheet still loading, and applies it on its load', async () => {
    const doc = page();
    let done = false;
    const applied = applyPageStyles(doc).then(() => {
      done = true;
    });
    await Promise.resolve();
    expect(done).toBe(false);
    expect(held(doc).media).toBe('print');
    held(doc).dispatchEvent(new doc.defaultView!.Event('load'));
    await applied;
    expect(done).toBe(true);
    expect(held(doc).media).toBe('all');
  });

  it('a sheet that fails to load does not keep the page from opening', async () => {
    const doc = page();
    const applied = applyPageStyles(doc);
    held(doc).dispatchEvent(new doc.defaultView!.Event('error'));
    await expect(applied).resolves.toBeUndefined();
  });

  it('resolves at once when there is nothing to apply', async () => {
    const doc = new JSDOM('<head></head>').window.document;
    await expect(applyPageStyles(doc)).resolves.toBeUndefined();
  });
});
