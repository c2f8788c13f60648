import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { applyPreloadedStyles } from '@/lib/preloaded-styles';

const page = () =>
  new JSDOM(
    '<head><link rel="preload" as="style" data-apply crossorigin href="/assets/popup.css">' +
      '<link rel="preload" as="style" href="/assets/other.css"></head>',
    { url: 'chrome-extension://prospector/popup.html' },
  ).window.document;

describe('applyPreloadedStyles (the popup stylesheet, preloaded so it never holds back the first module)', () => {
  it('applies the marked preloads as stylesheets and resolves once they have loaded', async () => {
    const doc = page();
    let done = false;
    const applied = applyPreloadedStyles(doc).then(() => {
      done = true;
    });
    const sheets = [...doc.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')];
    // Only the one the build marked (data-apply); another page's preload is left alone.
    expect(sheets.map((l) => l.href)).toEqual(['chrome-extension://prospector/assets/popup.css']);
    expect(sheets[0]!.crossOrigin).toBe('');
    await Promise.resolve();
    expect(done).toBe(false);
    sheets[0]!.dispatchEvent(new doc.defaultView!.Event('load'));
    await applied;
    expect(done).toBe(true);
  });

  it('a sheet that fails to load does not keep the popup from opening', async () => {
    const doc = page();
    const applied = applyPreloadedStyles(doc);
    doc.querySelector('link[rel="stylesheet"]')!.dispatchEvent(new doc.defaultView!.Event('error'));
    await expect(applied).resolves.toBeUndefined();
  });

  it('resolves at once when there is nothing to apply', async () => {
    const doc = new JSDOM('<head></head>').window.document;
    await expect(applyPreloadedStyles(doc)).resolves.toBeUndefined();
  });
});
