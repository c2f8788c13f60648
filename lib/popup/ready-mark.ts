/**
 * The benchmark's end point, 'popup-ready': the person, their stage and BANT score on screen (npm run bench --
 * popup-open). When the background drew them into the popup's page (its glance: lib/popup/glance.ts), that is
 * the page's first contentful paint, before the popup's code ran; otherwise the frame after the popup's first
 * screen rendered. Marked once.
 */
const READY = 'popup-ready';

function markOnce(startTime?: number): void {
  if (performance.getEntriesByName(READY).length) return;
  performance.mark(READY, startTime === undefined ? undefined : { startTime });
}

/** Whether the page came with a glance showing a stage and a score. */
export function glanceShown(doc: Document): boolean {
  return (
    !!doc.querySelector('[data-glance] [data-glance-stage]') && !!doc.querySelector('[data-glance] [data-glance-score]')
  );
}

/** With a glance on the page: 'popup-ready' at its first contentful paint, as soon as the browser reports it. */
export function markGlancePainted(): void {
  const observer = new PerformanceObserver((list) => {
    const paint = list.getEntriesByName('first-contentful-paint')[0];
    if (!paint) return;
    observer.disconnect();
    markOnce(paint.startTime);
  });
  observer.observe({ type: 'paint', buffered: true });
}

/**
 * The popup's first screen painted: 'popup-ready' now. Not when the page came with a glance: then the page's first
 * contentful paint (the glance's, or this first screen's if the glance was replaced before a frame showed it) is
 * the mark, set when the browser reports that paint, which can be after this.
 */
export function markFirstScreenPainted(glance: boolean): void {
  if (!glance) markOnce();
}
