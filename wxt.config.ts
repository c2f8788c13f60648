import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { pageChunks, preloadPageChunks } from './build/page-chunks';

// Several builds (a developer's, a helper's, CI's) may run side by side: PROSPECTOR_OUT_DIR keeps them apart.
const outDir = process.env.PROSPECTOR_OUT_DIR ?? '.output';
// The e2e build only: headless tests cannot click the toolbar button, which is what grants activeTab, so the
// test build may read pages served from 127.0.0.1 instead. The shipped builds ask for no host permission
// (tests/e2e/loop.e2e.ts checks them). It also holds the auto-detect sites' permissions, so capture e2e tests can
// read saved Gmail / LinkedIn pages routed to those URLs by Playwright (no network: tests/e2e/capture.e2e.ts).
const E2E_SITES = ['https://mail.google.com/*', 'https://www.linkedin.com/*', 'https://outlook.office.com/*'];
const e2eHosts = process.env.PROSPECTOR_E2E === '1' ? { host_permissions: ['http://127.0.0.1/*', ...E2E_SITES] } : {};

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
    plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false }), pageChunks(), preloadPageChunks()],
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
    optional_host_permissions: [
      'https://www.linkedin.com/*',
      'https://mail.google.com/*',
      'https://outlook.office.com/*',
      'https://outlook.live.com/*',
      'https://outlook.office365.com/*',
      // The team's CouchDB (Settings → Team): only the one origin the rep connects to is requested, in that click.
      // https anywhere; plain http only on this computer.
      'https://*/*',
      'http://localhost/*',
      'http://127.0.0.1/*',
    ],
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
    ...e2eHosts,
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'prospector@prospector.invalid',
              strict_min_version: '115.0',
              // Prospector collects nothing: every record stays in the browser.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
