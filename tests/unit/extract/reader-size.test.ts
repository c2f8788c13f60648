import { describe, expect, it } from 'vitest';
import { closure } from '../layers/import-graph';

// The page reader must stay under 20 KB gzipped (docs/performance.md): email threads leave it as text and their
// signatures are read in the background (lib/capture/prepare.ts), so the signature engine never ships in it.
describe('the page reader', { timeout: 60_000 }, () => {
  it('carries no signature, quote-splitting or address-parsing engine', () => {
    const reader = closure('entrypoints/capture.ts', { lazy: true });
    const engine = ['signature', 'signature-phones', 'signature-words', 'body', 'addresses', 'thread'].map(
      (f) => `lib/extract/email/${f}.ts`,
    );
    expect(engine.filter((f) => reader.has(f)).map((f) => reader.get(f)!.join(' → '))).toEqual([]);
    expect(closure('lib/capture/prepare.ts', { lazy: true }).has('lib/extract/email/thread.ts')).toBe(true);
  });
});
