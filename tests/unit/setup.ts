import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// Code on the popup's open path talks to the browser's own API (lib/native-browser.ts): in Chrome that is
// `chrome`, which the fake browser stands in for here as it does for 'wxt/browser'.
(globalThis as { chrome?: unknown }).chrome = fakeBrowser;

beforeEach(() => {
  fakeBrowser.reset();
});
