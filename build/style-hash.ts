import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The popup's stylesheet allowed inline, by its hash and nothing else (`style-src 'self' 'sha256-…'`): the
 * background serves the popup's page with the sheet inline and its first glance drawn in
 * (lib/background/popup-shell.ts), and checks the hash itself before it does. Every other inline style and
 * every `style` attribute stays refused. Run once the pages are built (WXT's build:manifestGenerated).
 */
export function withPopupStyleHash(csp: string, outDir: string): string {
  const htmlPath = join(outDir, 'popup.html');
  if (!existsSync(htmlPath)) return csp;
  const href = /<link rel="stylesheet"[^>]*\bhref="\/([^"]+)"/.exec(readFileSync(htmlPath, 'utf8'))?.[1];
  if (!href || !existsSync(join(outDir, href))) return csp;
  const hash = createHash('sha256')
    .update(readFileSync(join(outDir, href)))
    .digest('base64');
  const source = `'sha256-${hash}'`;
  const directives = csp.split(';').map((d) => d.trim());
  const at = directives.findIndex((d) => d.startsWith('style-src '));
  if (at >= 0) directives[at] = `${directives[at]} ${source}`;
  else directives.splice(1, 0, `style-src 'self' ${source}`);
  return directives.join('; ');
}
