import { afterEach, describe, expect, it, vi } from 'vitest';
import { POPUP_ROUTES, watchPopupLoads } from '@/lib/background/popup-navigation';

const POPUP = 'chrome-extension://abc/popup.html';

/** A service worker's global scope, as far as the watch uses it. */
function fakeScope() {
  const listeners = new Map<string, (event: unknown) => void>();
  return {
    listeners,
    addEventListener: (type: string, fn: (event: unknown) => void) => listeners.set(type, fn),
    /** A fetch event; what the watch answered it with, if anything. */
    fetch(url: string, mode: RequestMode): Response | undefined {
      let answered: Response | undefined;
      listeners.get('fetch')?.({ request: { url, mode }, respondWith: (r: Response) => (answered = r) });
      return answered;
    },
  };
}

/** A browser with the Service Worker Static Routing API (Chrome): its install event can add routes. */
function withStaticRoutes() {
  vi.stubGlobal(
    'InstallEvent',
    class {
      addRoutes() {}
    },
  );
}

afterEach(() => vi.unstubAllGlobals());

describe("the popup's page load, seen by the background", () => {
  it('registers routes that let only a navigation to the popup reach the worker, and only while it runs', () => {
    withStaticRoutes();
    const scope = fakeScope();
    const opened: string[] = [];
    watchPopupLoads(scope, POPUP, (url) => {
      opened.push(url.search);
      return undefined;
    });
    const addRoutes = vi.fn(async () => undefined);
    scope.listeners.get('install')?.({ addRoutes });
    expect(addRoutes).toHaveBeenCalledWith(POPUP_ROUTES('/popup.html'));
    const rules = POPUP_ROUTES('/popup.html');
    expect(rules.every((r) => r.source === 'network')).toBe(true);
    // Other pages first: a rule on the worker's running status, checked first, slowed every extension page's
    // navigation by ~8 ms (an empty page's DOMContentLoaded 37 -> 45 ms in builds taking turns).
    expect(rules.map((r) => r.condition)).toEqual([
      { not: { urlPattern: { pathname: '/popup.html' } } },
      { not: { requestMode: 'navigate' } },
      { runningStatus: 'not-running' },
    ]);
    scope.fetch(`${POPUP}?tabId=5`, 'navigate');
    scope.fetch('chrome-extension://abc/options.html', 'navigate');
    scope.fetch('chrome-extension://abc/chunks/popup.js', 'cors');
    expect(opened).toEqual(['?tabId=5']);
  });

  it("answers the popup's navigation with the page it is given, else leaves it to the extension's file", () => {
    withStaticRoutes();
    const scope = fakeScope();
    const page = new Response('<p>popup</p>');
    let serve = true;
    watchPopupLoads(scope, POPUP, () => (serve ? page : undefined));
    expect(scope.fetch(POPUP, 'navigate')).toBe(page);
    serve = false;
    expect(scope.fetch(POPUP, 'navigate')).toBeUndefined();
    serve = true;
    expect(scope.fetch('chrome-extension://abc/options.html', 'navigate')).toBeUndefined();
  });

  it('registers nothing where the browser has no static routes: no fetch handler to slow every page', () => {
    vi.stubGlobal('InstallEvent', undefined);
    const scope = fakeScope();
    watchPopupLoads(scope, POPUP, () => undefined);
    expect([...scope.listeners.keys()]).toEqual([]);
  });
});
