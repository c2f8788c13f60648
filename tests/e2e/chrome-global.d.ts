// Code passed to page.evaluate / worker.evaluate runs inside the extension, where `chrome` is the extension API.
declare const chrome: typeof import('wxt/browser').browser;
