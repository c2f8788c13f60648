// Runs the extension's page reader (entrypoints/capture.ts, bundled with esbuild exactly as injected) in headless
// system Chromium, in an isolated world as the extension's injection does, and prepares its result as the
// background does. Shared by npm run extract, npm run fixture:record and the extraction benchmark.
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { build } from 'esbuild';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { prepareCapture } from '../../lib/capture/prepare';
import { RawPageCapture } from '../../lib/capture/raw';
import type { PageCapture } from '../../lib/model';
import { chromiumPath, ROOT } from '../support/browser';

const NAV_TIMEOUT = 20_000;
const EXTRACT_TIMEOUT = 15_000;
const READER_GLOBAL = '__prospectorReader';

/**
 * The injected reader as one script: entrypoints/capture.ts with WXT's defineUnlistedScript reduced to identity.
 * `untimed` lifts the reader's clock (its work stays bounded by its visit count): recorded expectations must not
 * depend on how busy the machine was, as the replay test (which lifts it too) does not.
 */
export async function bundleReader(untimed = false): Promise<string> {
  const out = await build({
    ...(untimed
      ? {
          stdin: {
            contents:
              "import { extractPage } from '@/lib/extract/extract-page';\nexport default () => extractPage(document, location.href, undefined, Number.POSITIVE_INFINITY);",
            resolveDir: ROOT,
            loader: 'ts' as const,
          },
        }
      : { entryPoints: [resolve(ROOT, 'entrypoints/capture.ts')] }),
    bundle: true,
    write: false,
    format: 'iife',
    globalName: READER_GLOBAL,
    target: 'chrome110',
    minify: true,
    alias: { '@': ROOT },
    banner: { js: 'var defineUnlistedScript = (main) => main;' },
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

export interface Input {
  /** The argument as given. */
  arg: string;
  /** A local file to load, if any. */
  file?: string;
  /** The URL the page is shown at. */
  url?: string;
}

/** `page.html`, `https://…`, or `page.html::https://www.linkedin.com/in/jane/` (FILE::URL). */
export function parseInput(arg: string): Input {
  const sep = arg.indexOf('::');
  if (sep > 0) return { arg, file: resolve(arg.slice(0, sep)), url: arg.slice(sep + 2) };
  if (/^https?:\/\//i.test(arg)) return { arg, url: arg };
  return { arg, file: resolve(arg) };
}

export interface PageRun {
  input: string;
  url: string;
  raw?: RawPageCapture;
  capture?: PageCapture;
  error?: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.vcf': 'text/vcard',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** One browser and one loopback server for every input. */
export class ExtractRunner {
  private files: string[] = [];

  private constructor(
    private readonly browser: Browser | null,
    private readonly context: BrowserContext,
    private readonly server: Server,
    readonly reader: string,
  ) {}

  /** Its own headless browser (npm run extract, npm run fixture:record). */
  static async open(opts: { untimed?: boolean } = {}): Promise<ExtractRunner> {
    const browser = await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    });
    return ExtractRunner.start(browser, await browser.newContext({ serviceWorkers: 'block' }), opts.untimed);
  }

  /** Tabs in a browser someone else launched (the benchmarks' extension browser); closing leaves it open. */
  static attach(context: BrowserContext): Promise<ExtractRunner> {
    return ExtractRunner.start(null, context);
  }

  private static async start(
    browser: Browser | null,
    context: BrowserContext,
    untimed = false,
  ): Promise<ExtractRunner> {
    const runner: ExtractRunner = new ExtractRunner(browser, context, createServer(), await bundleReader(untimed));
    runner.server.on('request', (req, res) => void runner.serveFile(req.url ?? '/', res));
    await new Promise<void>((ok) => runner.server.listen(0, '127.0.0.1', ok));
    return runner;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** `/f/<n>/<path>` serves input n's file, or files next to it (relative links resolve as on disk). */
  private async serveFile(path: string, res: import('node:http').ServerResponse): Promise<void> {
    const m = /^\/f\/(\d+)\/(.*)$/.exec(decodeURIComponent(path.split('?')[0]!));
    const file = m ? this.files[Number(m[1])] : undefined;
    if (!m || !file) return void res.writeHead(404).end();
    const dir = dirname(file);
    const target = normalize(join(dir, m[2]!));
    if (!target.startsWith(dir)) return void res.writeHead(403).end();
    try {
      const body = await readFile(target);
      res.writeHead(200, { 'content-type': TYPES[extname(target).toLowerCase()] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  }

  /** Opens the input in a fresh tab: served from 127.0.0.1, routed to its file (FILE::URL), or loaded as given. */
  async open(input: Input): Promise<{ page: Page; url: string }> {
    const page = await this.context.newPage();
    let url = input.url ?? '';
    if (input.file) {
      await stat(input.file);
      if (input.url) {
        const body = await readFile(input.file);
        const target = new URL(input.url).href.split('#')[0];
        // Nothing leaves the machine: the page itself comes from the file, everything else is refused.
        await page.route('**/*', (route) => {
          const req = route.request();
          return req.isNavigationRequest() && req.url().split('#')[0] === target
            ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body })
            : route.abort();
        });
      } else {
        this.files.push(input.file);
        url = `${this.origin}/f/${this.files.length - 1}/${encodeURIComponent(input.file.split('/').pop()!)}`;
        await page.route('**/*', (route) =>
          route.request().url().startsWith(this.origin) ? route.continue() : route.abort(),
        );
      }
    }
    await page.goto(url, { waitUntil: 'load', timeout: NAV_TIMEOUT });
    return { page, url };
  }

  /**
   * Evaluates `expression` in a fresh isolated world of the page's main frame with the reader loaded: the page's
   * own scripts (which may have redefined Array.prototype or JSON) cannot reach it, as in the extension.
   */
  async inReader<T>(page: Page, expression: string): Promise<T> {
    const cdp = await this.context.newCDPSession(page);
    try {
      const { frameTree } = await cdp.send('Page.getFrameTree');
      const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
        frameId: frameTree.frame.id,
        worldName: 'prospector-reader',
      });
      const load = await cdp.send('Runtime.evaluate', { expression: this.reader, contextId: executionContextId });
      if (load.exceptionDetails) throw new Error(`reader failed to load: ${load.exceptionDetails.text}`);
      const run = cdp.send('Runtime.evaluate', {
        expression,
        contextId: executionContextId,
        returnByValue: true,
        awaitPromise: true,
      });
      const timeout = new Promise<never>((_, fail) =>
        setTimeout(() => fail(new Error(`no answer within ${EXTRACT_TIMEOUT / 1000} s`)), EXTRACT_TIMEOUT).unref(),
      );
      const result = await Promise.race([run, timeout]);
      if (result.exceptionDetails)
        throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
      return result.result.value as T;
    } finally {
      await cdp.detach().catch(() => {});
    }
  }

  /** One input through the whole capture: load, read in the page, prepare. Errors are reported, never thrown. */
  async extract(arg: string): Promise<PageRun> {
    const input = parseInput(arg);
    let page: Page | undefined;
    let url = input.url ?? '';
    try {
      const opened = await this.open(input);
      page = opened.page;
      url = opened.url;
      const result = await this.inReader<unknown>(page, `${READER_GLOBAL}.default()`);
      const raw = RawPageCapture.parse(result);
      return { input: arg, url, raw, capture: prepareCapture(raw) };
    } catch (err) {
      return { input: arg, url, error: err instanceof Error ? err.message.split('\n')[0]! : String(err) };
    } finally {
      await page?.close().catch(() => {});
    }
  }

  async close(): Promise<void> {
    await this.browser?.close();
    this.server.close();
  }
}

export { READER_GLOBAL };
