import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_LIST, MAX_TEXT, PageCapture } from '@/lib/model';
import { fixtureUrl, listFixtures, readFixture } from './fixtures';
import { captureOf } from './run';

const fixtures = listFixtures();

/** Every string anywhere in a value (to check nothing escapes the size caps). */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

/**
 * Replays every saved page through the extractor (in jsdom) and compares with what the real run in Chromium
 * recorded (npm run fixture:record). A difference is either a regression or a change to review and re-record.
 */
describe('capture fixtures replay as recorded', () => {
  it('has fixtures to replay', () => {
    expect(fixtures.length).toBeGreaterThan(20);
  });

  for (const f of fixtures) {
    it(`${f.group}/${f.name}`, { timeout: 120_000 }, () => {
      expect(existsSync(f.expectedPath), `record it: npm run fixture:record -- ${f.path}`).toBe(true);
      const expected = JSON.parse(readFileSync(f.expectedPath, 'utf8'));
      const html = readFixture(f.path);
      const url = fixtureUrl(html, f.path);
      const capture = captureOf(html, url);
      expect(PageCapture.safeParse(capture).success).toBe(true);
      expect({ url, site: capture.site, candidates: capture.candidates }).toEqual({
        url: expected.url,
        site: expected.site,
        candidates: expected.candidates,
      });
      // Hostile or not, nothing beyond the caps reaches the rep's review.
      expect(capture.candidates.length).toBeLessThanOrEqual(200);
      for (const s of strings(capture)) expect(s.length).toBeLessThanOrEqual(MAX_TEXT);
      for (const c of capture.candidates)
        for (const l of [c.emails, c.phones, c.urls]) expect(l.length).toBeLessThanOrEqual(MAX_LIST);
    });
  }
});
