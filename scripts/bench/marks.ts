import type { CDPSession } from 'playwright-core';

/** Evaluates an expression in a page and gives back its value (JSON-serialisable). */
export type Evaluate = (expression: string) => Promise<unknown>;

/** A bare CDP session's evaluation: Playwright's own would inject its helper script into the page first. */
const cdpEvaluate =
  (cdp: CDPSession): Evaluate =>
  (expression) =>
    cdp.send('Runtime.evaluate', { expression, returnByValue: true }).then(({ result }) => result.value);

/** Polls `expression` until it yields something other than null or undefined, and gives that back. */
export async function pollIn<T>(evaluate: Evaluate, expression: string, timeoutMs: number, what: string): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    const value = await evaluate(expression);
    if (value !== null && value !== undefined) return value as T;
    await new Promise((ok) => setTimeout(ok, 25));
  }
  throw new Error(`No ${what} after ${timeoutMs} ms.`);
}

/** The start times of performance entries (marks, paints) in a page, once they all exist. */
export function marksIn(evaluate: Evaluate, names: readonly string[], timeoutMs = 60_000): Promise<number[]> {
  const expression = `(() => { const t = ${JSON.stringify(names)}.map((n) => performance.getEntriesByName(n)[0]?.startTime); return t.every((x) => typeof x === 'number') ? t : null; })()`;
  return pollIn(evaluate, expression, timeoutMs, `${names.join(' and ')} mark`);
}

/**
 * The start times of performance marks in a page, once they all exist, polled through a bare CDP session.
 * Playwright's own waitForFunction would first inject its helper script into the page, about 15 ms of work on
 * the very main thread being timed.
 */
export function marksOf(cdp: CDPSession, names: readonly string[], timeoutMs = 60_000): Promise<number[]> {
  return marksIn(cdpEvaluate(cdp), names, timeoutMs);
}
