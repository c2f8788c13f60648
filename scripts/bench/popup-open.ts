import { type Extension, openPopupFor } from '../../tests/e2e/harness';
import { type Figure, summarise } from './stats';

/**
 * Popup open time: navigation start → the popup's 'popup-ready' mark (identity and stage on screen), next to
 * an empty extension page's DOMContentLoaded for scale.
 */
export async function benchPopupOpen(ext: Extension, origin: string, runs = 21): Promise<Figure[]> {
  const target = await ext.context.newPage();
  await target.goto(`${origin}/loop/person.html`);
  const contacts = await ext.worker.evaluate(
    () =>
      new Promise<number>((ok) => {
        const open = indexedDB.open('prospector');
        open.onsuccess = () => {
          const req = open.result.transaction('contacts').objectStore('contacts').count();
          req.onsuccess = () => ok(req.result);
        };
      }),
  );
  const popupTimes: number[] = [];
  const emptyTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const empty = await ext.context.newPage();
    await empty.goto(ext.url('bench-empty.html'));
    emptyTimes.push(
      await empty.evaluate(
        () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
      ),
    );
    await empty.close();
    const popup = await openPopupFor(ext, target);
    await popup.waitForFunction(() => performance.getEntriesByName('popup-ready').length > 0);
    popupTimes.push(await popup.evaluate(() => performance.getEntriesByName('popup-ready')[0]!.startTime));
    await popup.close();
  }
  await target.close();
  return [
    summarise('popup.open', popupTimes, 'ms', { contacts }),
    summarise('empty-extension-page.open', emptyTimes, 'ms'),
  ];
}
