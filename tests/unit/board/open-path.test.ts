import { describe, expect, it } from 'vitest';
import { closure } from '../layers/import-graph';

/**
 * What the options page loads before the board's first cards are drawn: its first module, the start module it
 * awaits and the board's view (loaded with it). Each module here is fetched, compiled and run on every board
 * open (board.firstRender in docs/performance.md).
 */
const OPEN_PATH = ['entrypoints/options/main.tsx', 'entrypoints/options/start.tsx', 'components/board/BoardView.tsx'];

function openPath(): Map<string, string[]> {
  const all = new Map<string, string[]>();
  for (const entry of OPEN_PATH)
    for (const [f, path] of closure(entry, { lazy: false })) if (!all.has(f)) all.set(f, path);
  return all;
}

describe("the board's open path", { timeout: 60_000 }, () => {
  it('does not load the message client (a card move loads it, or the board once its first cards are painted)', () => {
    const c = openPath();
    expect(c.has('components/board/BoardView.tsx')).toBe(true);
    const client = 'lib/messaging/client.ts';
    expect(
      c.has(client) ? c.get(client)!.join(' → ') : null,
      'import the client lazily (components/board/use-board-moves.ts loadClient)',
    ).toBeNull();
  });
});
