/**
 * Applies the stylesheets a page's HTML only preloads (`<link rel="preload" as="style" data-apply>`, written so
 * by build/page-chunks.ts for the popup and the options page: a stylesheet in the HTML would hold back the first
 * module until it loaded) and resolves once they are in, so nothing is drawn unstyled. A sheet that fails to load
 * does not keep the page from opening: it resolves all the same. Takes the document, for tests.
 */
export function applyPreloadedStyles(doc: Document): Promise<void> {
  const loads = [...doc.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="style"][data-apply]')].map(
    (preload) =>
      new Promise<void>((done) => {
        const sheet = doc.createElement('link');
        sheet.rel = 'stylesheet';
        if (preload.crossOrigin !== null) sheet.crossOrigin = preload.crossOrigin;
        sheet.href = preload.href;
        sheet.addEventListener('load', () => done());
        sheet.addEventListener('error', () => done());
        preload.after(sheet);
      }),
  );
  return Promise.all(loads).then(() => undefined);
}
