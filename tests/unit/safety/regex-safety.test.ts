import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOISE } from '@/lib/extract/linkedin-cards';
import { DOTS, EMAIL_IN_TEXT, LABELLED } from '@/lib/extract/patterns';
import { TITLE_PATTERNS } from '@/lib/pipeline/authority';
import { superLinear } from '@/scripts/regex-safety/analyse';
import { collectRegexes } from '@/scripts/regex-safety/collect';

const ROOT = resolve(__dirname, '../../..');

/**
 * Patterns built at run time from pieces (`new RegExp(String.raw\`…${X}…\`)`): their text is not in the source,
 * so each is imported and checked as built. A new one fails below until it is added here.
 */
const BUILT: Record<string, readonly RegExp[]> = {
  'lib/extract/patterns.ts EMAIL_IN_TEXT': [EMAIL_IN_TEXT],
  'lib/extract/patterns.ts DOTS': [DOTS],
  'lib/extract/patterns.ts LABELLED': [LABELLED],
  'lib/pipeline/authority.ts w': TITLE_PATTERNS,
  'lib/extract/linkedin-cards.ts NOISE': [NOISE],
};

// Issue #15: one crafted company name froze the extension through an exponential pattern. Every regex in lib/
// and components/ runs on page or file text somewhere, so none may backtrack super-linearly.
describe('regex safety', () => {
  const { found, dynamic } = collectRegexes(ROOT, ['lib', 'components']);

  it('finds the patterns it checks', () => {
    expect(found.length).toBeGreaterThan(200);
  });

  it('has no regex that backtracks exponentially or polynomially', () => {
    const bad = found.flatMap((r) =>
      superLinear(r.source, r.flags).problems.map((p) => `${r.file}:${r.line} /${r.source}/${r.flags}: ${p}`),
    );
    expect(bad, 'Rewrite each pattern so no two parts can match the same text (or split the work in code)').toEqual([]);
  });

  it('checks every pattern built at run time, as built', () => {
    const unknown = dynamic.filter((d) => !BUILT[`${d.file} ${d.name}`]);
    expect(
      unknown.map((d) => `${d.file}:${d.line} ${d.text}`),
      'Assign it to an exported constant and list it in BUILT in tests/unit/safety/regex-safety.test.ts',
    ).toEqual([]);
    const bad = Object.entries(BUILT).flatMap(([name, list]) =>
      list.flatMap((re) => superLinear(re.source, re.flags).problems.map((p) => `${name} /${re.source}/: ${p}`)),
    );
    expect(bad).toEqual([]);
  });

  it('catches the patterns issue #15 found', () => {
    const legalForms = String.raw`(?:[\s,]+(?:pte|s\.?a\.?s?|co)\.?)+$`;
    expect(superLinear(legalForms, 'i').problems).not.toEqual([]);
    expect(superLinear(String.raw`^[^\s@]+@[^\s@]+\.[^\s@]+$`, '').problems).not.toEqual([]);
    expect(superLinear('^(?:a+)+$', '').problems.some((p) => p.startsWith('exponential'))).toBe(true);
    expect(superLinear('^[a-z]+@[a-z]+$', '').problems).toEqual([]);
  });
});
