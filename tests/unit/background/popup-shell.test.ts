import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspAllows, loadShell, servePopup, shellOf, styleSource } from '@/lib/background/popup-shell';
import { withPopupStyleHash } from '../../../build/style-hash';

const HTML =
  '<!DOCTYPE html><html><head><script type="module" crossorigin src="/chunks/popup.js"></script>' +
  '<link rel="stylesheet" media="print" data-apply crossorigin href="/assets/popup.css"></head>' +
  '<body><div id="app"></div></body></html>';
const CSS = 'main{color:red}';
const CSP = "default-src 'self'; script-src 'self'";

async function text(stream: ReadableStream<Uint8Array>): Promise<string[]> {
  const parts: string[] = [];
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) parts.push(new TextDecoder().decode(r.value));
  return parts;
}

describe("the popup's page as the background serves it", () => {
  it('holds the HTML with its stylesheet inline, split where the first screen goes', () => {
    const shell = shellOf(HTML, CSS)!;
    expect(shell.head).toContain('<style>main{color:red}</style>');
    expect(shell.head).not.toContain('<link rel="stylesheet"');
    expect(shell.head).toContain('src="/chunks/popup.js"');
    expect(shell.head.endsWith('<body>')).toBe(true);
    expect(shell.tail).toBe('</body></html>');
    // Nothing it cannot place: no root, no sheet, or a sheet that would end its own element.
    expect(shellOf(HTML.replace('<div id="app"></div>', ''), CSS)).toBeNull();
    expect(shellOf(HTML.replace(/<link[^>]*>/, ''), CSS)).toBeNull();
    expect(shellOf(HTML, 'a{}</style><script>x</script>')).toBeNull();
  });

  it('inlines only a sheet the CSP allows by its hash, the one the build adds', async () => {
    const source = await styleSource(CSS);
    expect(source).toBe(`'sha256-${createHash('sha256').update(CSS).digest('base64')}'`);
    const out = mkdtempSync(join(tmpdir(), 'style-hash-'));
    mkdirSync(join(out, 'assets'));
    writeFileSync(join(out, 'popup.html'), HTML);
    writeFileSync(join(out, 'assets/popup.css'), CSS);
    const built = withPopupStyleHash(CSP, out);
    expect(built).toBe(`default-src 'self'; style-src 'self' ${source}; script-src 'self'`);
    expect(withPopupStyleHash("default-src 'self'; style-src 'self'", out)).toBe(
      `default-src 'self'; style-src 'self' ${source}`,
    );
    expect(cspAllows(built, source)).toBe(true);
    expect(cspAllows(CSP, source)).toBe(false);
    const files: Record<string, string> = { '/popup.html': HTML, '/assets/popup.css': CSS };
    const read = async (path: string) => new Response(files[path] ?? '', { status: files[path] ? 200 : 404 });
    expect(await loadShell('/popup.html', read, built)).toEqual(shellOf(HTML, CSS));
    // A sheet changed since the build (or a development build without the hash): served as before.
    expect(await loadShell('/popup.html', read, CSP)).toBeNull();
    files['/assets/popup.css'] = 'main{color:blue}';
    expect(await loadShell('/popup.html', read, built)).toBeNull();
    expect(await loadShell('/popup.html', async () => Promise.reject(new Error('gone')), built)).toBeNull();
  });

  it('sends the head at once and the first screen once it is drawn, with the pages’ CSP', async () => {
    const shell = shellOf(HTML, CSS)!;
    let draw: (markup: string) => void = () => undefined;
    const page = servePopup(shell, new Promise((ok) => (draw = ok)), CSP);
    expect(page.headers.get('content-security-policy')).toBe(CSP);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const reader = page.body!.getReader();
    const head = await reader.read();
    expect(new TextDecoder().decode(head.value)).toBe(shell.head);
    draw('<main data-glance></main>');
    const rest = await reader.read();
    expect(new TextDecoder().decode(rest.value)).toBe('<div id="app"><main data-glance></main></div></body></html>');
    expect((await reader.read()).done).toBe(true);
    // A glance that failed is no glance: the page is whole all the same.
    const failed = servePopup(shell, Promise.reject(new Error('x')), CSP);
    expect((await text(failed.body!)).join('')).toBe(`${shell.head}<div id="app"></div>${shell.tail}`);
  });
});
