import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { localeText } from './build/locale-text';
import { pageChunks, preloadPageChunks } from './build/page-chunks';
import { autoDetectOrigins, SITES } from './lib/extract/site-list';

// Several builds (a developer's, a helper's, CI's) may run side by side: PROSPECTOR_OUT_DIR keeps them apart.
const outDir = process.env.PROSPECTOR_OUT_DIR ?? '.output';
// The e2e build only: headless tests cannot click the toolbar button, which is what grants activeTab, so the
// test build may read pages served from 127.0.0.1 instead. The shipped builds ask for no host permission
// (tests/e2e/loop.e2e.ts checks them). It also holds the auto-detect sites' permissions, so capture e2e tests can
// read saved Gmail / LinkedIn pages routed to those URLs by Playwright (no network: tests/e2e/capture.e2e.ts).
// Each auto-detect site's first host only, so tests/e2e/settings.e2e.ts still sees a site not wholly granted.
const E2E_SITES = SITES.filter((s) => s.autoDetect).map((s) => `https://${s.hosts[0]}/*`);
const e2eHosts = process.env.PROSPECTOR_E2E === '1' ? { host_permissions: ['http://127.0.0.1/*', ...E2E_SITES] } : {};

/**
 * Extension pages and the background: only the extension's own files, nothing inline, no eval (zod runs jitless:
 * lib/zod-setup.ts), no frames, no plugins. connect-src is the one opening: team sync sends the pipeline from the
 * background to the CouchDB server the rep types in Settings (https, or http on this computer), and a manifest's
 * CSP is fixed at build time, so it cannot name that server. The code itself only ever connects to the one
 * team origin the rep configured (and nothing before one is configured); the CSP keeps everything else
 * (scripts, frames, images, forms) to the extension itself.
 */
const EXTENSION_PAGES_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
].join('; ');

export default defineConfig({
  outDir,
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    // bench-empty.html is the benchmark's "empty extension page" for scale: only the e2e build carries it.
    'entrypoints:resolved': (_wxt, entrypoints) => {
      if (process.env.PROSPECTOR_E2E === '1') return;
      const i = entrypoints.findIndex((e) => e.name === 'bench-empty');
      if (i >= 0) entrypoints.splice(i, 1);
    },
  },
  vite: () => ({
    plugins: [
      preact({ prefreshEnabled: false, devToolsEnabled: false }),
      pageChunks(),
      preloadPageChunks(),
      localeText(),
    ],
    build: {
      sourcemap: false,
      // PROSPECTOR_NO_MINIFY=1: readable function names in a CPU profile of the built extension.
      minify: process.env.PROSPECTOR_NO_MINIFY ? false : undefined,
      // Every browser Prospector supports has <link rel="modulepreload">: no polyfill file on each page's path.
      modulePreload: { polyfill: false },
    },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // activeTab + scripting: capture reads a page only when the rep asks for it. No host permission at install;
    // sites the rep opts in to (auto-detection) are requested at runtime as optional host permissions.
    permissions: ['activeTab', 'scripting', 'storage', 'contextMenus', 'alarms', 'notifications'],
    // The auto-detect sites of lib/extract/site-list.ts, and the team's CouchDB (Settings → Team): only the one
    // origin the rep connects to is requested, in that click. https anywhere; plain http only on this computer.
    optional_host_permissions: [...autoDetectOrigins(), 'https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    action: { default_title: '__MSG_extName__' },
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_commandOpenPopup__',
      },
      'capture-page': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandCapture__',
      },
    },
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    ...e2eHosts,
    ...(browser === 'firefox'
      ? {
          // Firefox builds MV2, which has no optional_host_permissions (WXT drops it): the same origins go here,
          // or auto-detection could never be granted in Firefox.
          optional_permissions: autoDetectOrigins(),
          browser_specific_settings: {
            gecko: {
              id: 'prospector@prospector.invalid',
              // 140 (the current ESR) is the first Firefox that reads data_collection_permissions: on an older one
              // the promise "collects nothing" would not be shown to the rep at install, so none is supported.
              strict_min_version: '140.0',
              // Prospector collects nothing: every record stays in the browser.
              data_collection_permissions: { required: ['none'] },
            },
            // …and 142 on Android.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
