/**
 * The popup's page as the background serves it, with its first glance in it (lib/popup/glance.ts): the popup's
 * built HTML, held in the worker's memory with its stylesheet inline, streamed in two parts: everything before the
 * popup's root at once (so its files are requested as early as before), the root with the glance once the
 * background's answer is ready. The rep sees the person, stage and score at the page's first paint, before the
 * popup's code has run (issue #12: docs/popup.md, "The glance").
 */

/** The popup's HTML split where its root goes, its stylesheet inline. */
export interface PopupShell {
  head: string;
  tail: string;
}

const ROOT = '<div id="app"></div>';
const STYLESHEET = /<link rel="stylesheet"[^>]*\bhref="([^"]+)"[^>]*>/;

/** The stylesheet the popup's HTML links to (root-relative), if one. */
export function stylesheetOf(html: string): string | undefined {
  return STYLESHEET.exec(html)?.[1];
}

/** The HTML with its stylesheet inline, split at its root; null when it has no root or no stylesheet link. */
export function shellOf(html: string, css: string): PopupShell | null {
  const link = STYLESHEET.exec(html);
  if (!link || !html.includes(ROOT) || css.includes('</style')) return null;
  const styled = `${html.slice(0, link.index)}<style>${css}</style>${html.slice(link.index + link[0].length)}`;
  const root = styled.indexOf(ROOT);
  return { head: styled.slice(0, root), tail: styled.slice(root + ROOT.length) };
}

/** The CSP source that allows exactly `css` as an inline stylesheet: `'sha256-…'`. */
export async function styleSource(css: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(css));
  return `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`;
}

/** Whether `csp`'s style-src allows the inline sheet `source` (the build adds it: build/style-hash.ts). */
export function cspAllows(csp: string, source: string): boolean {
  const directive = csp.split(';').find((d) => d.trim().startsWith('style-src '));
  return !!directive && directive.trim().split(/\s+/).includes(source);
}

/**
 * Reads the popup's HTML and stylesheet (`read`: the worker's fetch of its own files) into a shell, or null: where
 * the pages' CSP does not allow that very stylesheet inline (a development build, a sheet changed since), the
 * popup is served as before, from the extension's files.
 */
export async function loadShell(
  htmlPath: string,
  read: (path: string) => Promise<Response>,
  csp: string,
): Promise<PopupShell | null> {
  try {
    const html = await (await read(htmlPath)).text();
    const sheet = stylesheetOf(html);
    if (!sheet) return null;
    const css = await (await read(sheet)).text();
    if (!cspAllows(csp, await styleSource(css))) return null;
    return shellOf(html, css);
  } catch {
    return null;
  }
}

/**
 * The popup's page: the shell's head at once, then its root with `glance` (markup, or '' for none) and the rest.
 * Carries the pages' CSP itself: a response the worker makes is not the extension's file.
 */
export function servePopup(shell: PopupShell, glance: Promise<string>, csp: string): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(shell.head));
      const markup = await glance.catch(() => '');
      controller.enqueue(encoder.encode(`<div id="app">${markup}</div>${shell.tail}`));
      controller.close();
    },
  });
  return new Response(body, {
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp },
  });
}
