/**
 * Applies the stylesheets a page's HTML holds for another medium (`<link rel="stylesheet" media="print"
 * data-apply>`, written so by build/page-chunks.ts for the popup and the options page: a sheet for the screen in
 * the HTML would hold back the first module until it loaded) and resolves once they apply: at once for a sheet
 * already in, which is the usual case by the time a first module runs, else on its load. Nothing is drawn
 * unstyled. A sheet that fails to load does not keep the page from opening: it resolves all the same. Takes the
 * document, for tests.
 */
export function applyPageStyles(doc: Document): Promise<void> {
  const held = [...doc.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"][data-apply]')].map(
    (link) =>
      new Promise<void>((done) => {
        const apply = () => {
          link.media = 'all';
          done();
        };
        // `sheet` is set once the stylesheet has loaded and been parsed.
        if (link.sheet) return apply();
        link.addEventListener('load', apply, { once: true });
        link.addEventListener('error', apply, { once: true });
      }),
  );
  return Promise.all(held).then(() => undefined);
}
