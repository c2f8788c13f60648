import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const CATALOG = /[\\/]_locales[\\/][\w-]+[\\/]messages\.json\?raw$/;

/**
 * The locale catalogs, imported as text by lib/i18n (`messages.json?raw`), without the files' indentation: they
 * ride in the chunk every page opens with, so each byte is read on every popup and board open. The text is
 * the same JSON (lib/i18n parses it as is in tests, where this plugin does not run).
 */
export function localeText(): Plugin {
  return {
    name: 'prospector:locale-text',
    enforce: 'pre',
    load(id) {
      if (!CATALOG.test(id)) return null;
      const file = id.slice(0, -'?raw'.length);
      this.addWatchFile(file);
      const compact = JSON.stringify(JSON.parse(readFileSync(file, 'utf8')));
      return `export default ${JSON.stringify(compact)};`;
    },
  };
}
