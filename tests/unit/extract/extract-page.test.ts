import { describe, expect, it } from 'vitest';
import { RawPageCapture } from '@/lib/capture/raw';
import { extractPage } from '@/lib/extract/extract-page';
import type { Extractor } from '@/lib/extract/types';
import { PageCapture } from '@/lib/model';
import { captureOf, docAt } from './run';

describe('extractPage (in the page) and prepareCapture (off it)', () => {
  it('reads mailto/tel links, JSON-LD Person and h-card, one candidate per person', () => {
    const result = captureOf(
      `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"Person","name":"Jane Doe",
        "jobTitle":"VP Sales","worksFor":{"@type":"Organization","name":"Acme"},"email":"mailto:Jane@Acme.test",
        "sameAs":["https://www.linkedin.com/in/janedoe/"]}]}</script>
      <div class="h-card"><a class="p-name u-url" href="/people/bob">Bob Stone</a>
        <span class="p-job-title">CTO</span><a class="u-email" href="mailto:bob@acme.test">mail</a></div>
      <p><a href="mailto:jane@acme.test">Jane Doe</a> <a href="tel:+1-555-0100">call</a></p>`,
      'https://acme.test/team',
    );
    expect(PageCapture.safeParse(result).success).toBe(true);
    expect(result.candidates.map((c) => c.name)).toEqual(['Jane Doe', 'Bob Stone']);
    expect(result.candidates[0]).toMatchObject({
      jobTitle: 'VP Sales',
      company: 'Acme',
      emails: ['jane@acme.test'],
      linkedinUrl: 'https://www.linkedin.com/in/janedoe/',
    });
    expect(result.candidates[1]).toMatchObject({
      jobTitle: 'CTO',
      emails: ['bob@acme.test'],
      urls: ['https://acme.test/people/bob'],
    });
    expect(result.candidates[0]?.provenance.name).toEqual({
      source: 'json-ld',
      detail: '$.@graph[0].name',
      confidence: 0.8,
    });
    expect(result.candidates[1]?.provenance.jobTitle).toMatchObject({ source: 'h-card', detail: 'h-card p-job-title' });
  });

  it('finds nobody on a page without people', () => {
    expect(
      captureOf('<h1>Pricing</h1><p>Plans start at $10. Call +1 800 555 0199.</p>', 'https://x.test/').candidates,
    ).toEqual([]);
  });

  it('survives hostile JSON-LD (deep nesting, prototype keys, broken JSON) and keeps markup as text', () => {
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const result = captureOf(
      `<script type="application/ld+json">${deep}</script>
      <script type="application/ld+json">{"@type":"Person","name":"<img src=x onerror=alert(1)>","__proto__":{"polluted":1}}</script>
      <script type="application/ld+json">{not json</script>`,
      'https://x.test/',
    );
    expect(result.candidates).toHaveLength(1);
    expect(result.candidates[0]?.name).toBe('<img src=x onerror=alert(1)>');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('runs matching site adapters first and lets them keep the generic sources out', () => {
    const seen: string[] = [];
    const site = (id: string, policy: 'fallback' | 'never', found: boolean): Extractor => ({
      id,
      priority: 150,
      generic: policy,
      matches: (url) => url.hostname === 'app.test',
      extract: () => {
        seen.push(id);
        return found ? [{ name: 'Site Person' }] : [];
      },
    });
    const generic: Extractor = {
      id: 'generic',
      priority: 10,
      extract: () => {
        seen.push('generic');
        return [{ name: 'Page Person' }];
      },
    };
    const doc = docAt('<p>x</p>', 'https://app.test/');
    expect(
      extractPage(doc, 'https://app.test/', [generic, site('a', 'fallback', false)]).found.map((c) => c.name),
    ).toEqual(['Page Person']);
    expect(
      extractPage(doc, 'https://app.test/', [generic, site('b', 'fallback', true)]).found.map((c) => c.name),
    ).toEqual(['Site Person']);
    expect(extractPage(doc, 'https://app.test/', [generic, site('c', 'never', false)]).found).toEqual([]);
    expect(
      extractPage(doc, 'https://other.test/', [generic, site('d', 'never', true)]).found.map((c) => c.name),
    ).toEqual(['Page Person']);
    expect(seen).toEqual(['a', 'generic', 'b', 'c', 'generic']);
  });

  it('reports an extractor that throws and carries on with the others', () => {
    const broken: Extractor = {
      id: 'broken',
      priority: 50,
      extract: () => {
        throw new Error('boom');
      },
    };
    const fine: Extractor = { id: 'fine', priority: 10, extract: () => [{ name: 'Still Here' }] };
    const raw = extractPage(docAt('<p></p>', 'https://x.test/'), 'https://x.test/', [broken, fine]);
    expect(raw.failed).toEqual(['broken: boom']);
    expect(raw.found.map((c) => c.name)).toEqual(['Still Here']);
    expect(RawPageCapture.safeParse(raw).success).toBe(true);
  });

  it('skips the remaining generic sources once its time budget is spent, saying so', () => {
    const slow: Extractor = { id: 'slow', priority: 50, extract: () => [{ name: 'Slow Person' }] };
    const late: Extractor = { id: 'late', priority: 10, extract: () => [{ name: 'Late Person' }] };
    const raw = extractPage(docAt('<p></p>', 'https://x.test/'), 'https://x.test/', [slow, late], -1);
    expect(raw.found).toEqual([]);
    expect(raw.failed).toEqual(['slow: time', 'late: time']);
  });
});
