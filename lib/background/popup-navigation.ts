/**
 * The popup's page load as the background sees it start: its navigation request is a fetch event of the
 * extension's service worker, about 2 ms after the rep's click, where the popup's first message only comes once its
 * first module runs (~55 ms: npm run bench -- popup-open). The background starts its answer then (the tab, the page
 * read, the first screen: lib/background/popup-open.ts) and a team pull gives the database up (lib/sync/give-way.ts).
 *
 * Only that navigation reaches the worker. Static routes (the Service Worker Static Routing API, registered at
 * install) send every other request, and any request while the worker is not running, straight to the extension's
 * files: no page of the extension ever waits for the worker to start or to answer a fetch. Where the browser has no
 * static routes (Firefox's background page, older Chrome), nothing is registered and the popup's message is the
 * first sign, as before.
 */

interface InstallWithRoutes extends Event {
  addRoutes(rules: unknown): Promise<void>;
}
interface NavigationFetch extends Event {
  request: Request;
  respondWith(response: Response): void;
}
interface WorkerScope {
  addEventListener(type: 'install', listener: (event: InstallWithRoutes) => void): void;
  addEventListener(type: 'fetch', listener: (event: NavigationFetch) => void): void;
}

/**
 * The rules, first match wins: only a navigation to the popup, while the worker runs, is a fetch event. The other
 * pages' rule comes first: with the worker's running status checked first, every extension page's navigation took
 * ~8 ms longer (an empty page's DOMContentLoaded 37 -> 45 ms, builds taking turns); in this order it is as before.
 */
export const POPUP_ROUTES = (popupPath: string) => [
  { condition: { not: { urlPattern: { pathname: popupPath } } }, source: 'network' },
  { condition: { not: { requestMode: 'navigate' } }, source: 'network' },
  { condition: { runningStatus: 'not-running' }, source: 'network' },
];

function hasStaticRoutes(scope: unknown): scope is WorkerScope {
  const install = (globalThis as { InstallEvent?: { prototype: object } }).InstallEvent;
  return (
    typeof (scope as Partial<WorkerScope>).addEventListener === 'function' &&
    install !== undefined &&
    'addRoutes' in install.prototype
  );
}

/**
 * Calls `onOpen` with the popup's URL each time it starts loading (`?tabId=N` names the tab in tests), and answers
 * the popup's page with the response it returns (lib/background/popup-page.ts), or leaves it to the extension's
 * file. Must run in the worker's first evaluation: the browser only dispatches fetch events to handlers added then.
 */
export function watchPopupLoads(scope: unknown, popupUrl: string, onOpen: (url: URL) => Response | undefined): void {
  if (!hasStaticRoutes(scope)) return;
  const popupPath = new URL(popupUrl).pathname;
  scope.addEventListener('install', (event) => {
    event.addRoutes(POPUP_ROUTES(popupPath)).catch((err: unknown) => {
      console.error('Prospector: the popup routes were refused; every page request now passes the worker', err);
    });
  });
  scope.addEventListener('fetch', (event) => {
    const { request } = event;
    if (request.mode !== 'navigate') return;
    const url = new URL(request.url);
    if (url.pathname !== popupPath) return;
    const page = onOpen(url);
    if (page) event.respondWith(page);
  });
}
