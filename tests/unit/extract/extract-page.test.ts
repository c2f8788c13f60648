import { describe, expect, it } from 'vitest';
import { extractPage } from '@/lib/extract/extract-page';
import { PageCapture } from '@/lib/model';
import { docFrom } from '../helpers';

describe('extractPage', () => {
  it('reads mailto/tel links, JSON-LD Person and h-card, one candidate per person', () => {
    const doc = docFrom(`
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"Person","name":"Jane Doe",
        "jobTitle":"VP Sales","worksFor":{"@type":"Organization","name":"Acme"},"email":"mailto:Jane@Acme.test",
        "sameAs":["https://www.linkedin.com/in/janedoe/"]}]}</script>
      <div class="h-card"><a class="p-name u-url" href="/people/bob">Bob Stone</a>
        <span class="p-job-title">CTO</span><a class="u-email" href="mailto:bob@acme.test">mail</a></div>
      <p><a href="mailto:jane@acme.test">Jane Doe</a> <a href="tel:+1-555-0100">call</a></p>`);
    const result = extractPage(doc, 'https://acme.test/team');
    expect(PageCapture.safeParse(result).success).toBe(true);
    expect(result.candidates.map((c) => c.name)).toEqual(['Jane Doe', 'Bob Stone']);
    expect(result.candidates[0]).toMatchObject({ jobTitle: 'VP Sales', company: 'Acme', emails: ['jane@acme.test'] });
    expect(result.candidates[1]).toMatchObject({
      jobTitle: 'CTO',
      emails: ['bob@acme.test'],
      urls: ['https://acme.test/people/bob'],
    });
    expect(result.candidates[0]?.provenance?.name).toEqual({ source: 'json-ld', detail: 'name' });
  });

  it('finds nobody on a page without people', () => {
    expect(extractPage(docFrom('<h1>Pricing</h1><p>Plans start at $10.</p>'), 'https://x.test/').candidates).toEqual(
      [],
    );
  });

  it('survives hostile JSON-LD (deep nesting, prototype keys, broken JSON) and keeps markup as text', () => {
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const doc = docFrom(`
      <script type="application/ld+json">${deep}</script>
      <script type="application/ld+json">{"@type":"Person","name":"<img src=x onerror=alert(1)>","__proto__":{"polluted":1}}</script>
      <script type="application/ld+json">{not json</script>`);
    const result = extractPage(doc, 'https://x.test/');
    expect(result.candidates).toHaveLength(1);
    expect(result.candidates[0]?.name).toBe('<img src=x onerror=alert(1)>');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
