import { describe, expect, it } from 'vitest';
import { Budget } from '@/lib/extract/limits';
import { jsonLd } from '@/lib/extract/sources/json-ld';
import { docFrom } from '../helpers';

const page = (data: unknown) =>
  docFrom(`<script type="application/ld+json">${JSON.stringify(data).replaceAll('<', '\\u003c')}</script>`);
const names = (doc: Document) =>
  jsonLd.extract!(doc, new URL('https://example.com/team'), new Budget()).map((c) => c.name);

// Issue #15: an @id cycle overflowed the stack, and the page's every JSON-LD person was lost with it.
describe('JSON-LD with @id cycles', () => {
  it('keeps the people of a page whose references form a cycle', () => {
    const doc = page({
      '@graph': [
        { '@id': '#a', '@type': 'Person', name: { '@id': '#b' }, worksFor: { '@id': '#org' } },
        { '@id': '#b', '@type': 'Thing', name: { '@id': '#a' } },
        { '@id': '#org', '@type': 'Organization', name: { '@id': '#org' }, employee: { '@id': '#c' } },
        {
          '@id': '#c',
          '@type': 'Person',
          name: 'Dewi Lestari',
          jobTitle: 'Head of Sales',
          worksFor: { '@id': '#org' },
        },
        { '@id': '#d', '@type': 'Person', name: 'Budi Santoso', email: 'budi@maju.test' },
      ],
    });
    expect(names(doc)).toEqual(expect.arrayContaining(['Dewi Lestari', 'Budi Santoso']));
  });

  it('reads a name nested in arrays far deeper than any page writes, without overflowing', () => {
    // Written out by hand: JSON.stringify itself would overflow on it.
    const deep = `${'['.repeat(5_000)}"Deep Person"${']'.repeat(5_000)}`;
    const json = `[{"@type":"Person","name":${deep}},{"@type":"Person","name":"Plain Person"}]`;
    const doc = docFrom(`<script type="application/ld+json">${json}</script>`);
    expect(names(doc)).toContain('Plain Person');
  });
});
