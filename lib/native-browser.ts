import type { browser } from 'wxt/browser';

type ExtensionApi = typeof browser;

/**
 * The extension API as the browser itself provides it: Firefox's `browser.*`, or Chrome's `chrome.*` (which
 * returns promises in MV3, as the polyfill's does). For the popup's open path (entrypoints/popup/main.tsx and
 * what it imports), which must not wait for webextension-polyfill: its code and the chunk it comes in cost the
 * first module a request and a parse before the first browser call could start (issue #12: the popup opens in
 * ≤ 2× an empty extension page). Everywhere else, use `browser` from 'wxt/browser'.
 * Unit tests stand the fake browser in for `chrome` (tests/unit/setup.ts).
 */
export function nativeBrowser(): ExtensionApi {
  const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
  return g.browser?.runtime?.id ? g.browser : g.chrome!;
}
