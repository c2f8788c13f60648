import type { CDPSession } from 'playwright-core';

/**
 * The start times of performance marks in a page, once they all exist, polled through a bare CDP session.
 * Playwright's own waitForFunction would first inject its helper script into the page, about 15 ms of work on
 * the very main thread being timed.
 */
export async function marksOf(cdp: CDPSession, names: readonly string[], timeoutMs = 60_000): Promise<number[]> {
  const expression = `(() => { const t = ${JSON.stringify(names)}.map((n) => performance.getEntriesByName(n)[0]?.startTime); return t.every((x) => typeof x === 'number') ? t : null; })()`;
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    const { result } = await cdp.send('Runtime.evaluate', { expression, returnByValue: true });
    if (Array.isArray(result.value)) return result.value as number[];
    await new Promise((ok) => setTimeout(ok, 25));
  }
  throw new Error(`No ${names.join(' and ')} mark after ${timeoutMs} ms.`);
}
