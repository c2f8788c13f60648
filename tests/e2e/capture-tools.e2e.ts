import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './harness';

const run = promisify(execFile);
const VITE_NODE = join(ROOT, 'node_modules/.bin/vite-node');

/** Runs one of the tools as a developer would (npm run extract / fixture:record are these commands). */
async function tool(script: string, args: string[]): Promise<{ stdout: string; code: number }> {
  try {
    const { stdout } = await run(VITE_NODE, [script, '--', ...args], {
      cwd: ROOT,
      timeout: 120_000,
      maxBuffer: 50_000_000,
    });
    return { stdout, code: 0 };
  } catch (err) {
    const e = err as { stdout?: string; code?: number };
    return { stdout: e.stdout ?? '', code: e.code ?? 1 };
  }
}

describe('npm run extract and npm run fixture:record', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'prospector-tools-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints every input’s people as JSON, FILE::URL applying the site adapter, a bad input reported without stopping the rest', async () => {
    const gmail = 'tests/fixtures/gmail/forwarded.html';
    const { stdout, code } = await tool('scripts/extract.ts', [
      'tests/fixtures/generic/h-card-v1.html',
      `${gmail}::https://mail.google.com/mail/u/0/#label/Leads/FMfcgzQXKbvTrWqPnLmD`,
      'tests/fixtures/does-not-exist.html',
      'tests/fixtures/generic/nobody.html',
    ]);
    expect(code).toBe(1); // one input failed
    const { results } = JSON.parse(stdout);
    expect(results.map((r: { input: string }) => r.input)).toEqual([
      'tests/fixtures/generic/h-card-v1.html',
      `${gmail}::https://mail.google.com/mail/u/0/#label/Leads/FMfcgzQXKbvTrWqPnLmD`,
      'tests/fixtures/does-not-exist.html',
      'tests/fixtures/generic/nobody.html',
    ]);
    // Served from 127.0.0.1: relative links resolve against it.
    expect(results[0].url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(results[0].candidates[0]).toMatchObject({
      name: 'Elena Ramos',
      urls: [expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/speakers\/elena-ramos$/)],
    });
    for (const key of [
      'name',
      'givenName',
      'familyName',
      'jobTitle',
      'company',
      'emails',
      'phones',
      'urls',
      'linkedinUrl',
      'location',
      'provenance',
    ])
      expect(results[0].candidates[0]).toHaveProperty(key);
    expect(results[1]).toMatchObject({
      site: 'gmail',
      candidates: [{ name: 'Lars Eriksson' }, { name: 'Ingrid Holm' }],
    });
    expect(results[2].error).toMatch(/ENOENT/);
    expect(results[3].candidates).toEqual([]);
  });

  it('records what the real run finds: the same file recorded again equals the committed expectation', async () => {
    const page = join(dir, 'signed-in-2024.html');
    await copyFile(join(ROOT, 'tests/fixtures/linkedin-profile/signed-in-2024.html'), page);
    const { code } = await tool('scripts/fixture-record.ts', [page]);
    expect(code).toBe(0);
    const recorded = JSON.parse(await readFile(join(dir, 'signed-in-2024.expected.json'), 'utf8'));
    const committed = JSON.parse(
      await readFile(join(ROOT, 'tests/fixtures/linkedin-profile/signed-in-2024.expected.json'), 'utf8'),
    );
    expect(recorded).toEqual(committed);
    expect(recorded.url).toBe('https://www.linkedin.com/in/jane-doe-4a1b2c/overlay/contact-info/');
  });
});
