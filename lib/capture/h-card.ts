import { mf2 } from 'microformats-parser';
import { CandidateBuilder } from '../extract/candidate';
import { looksLikeName } from '../extract/text';
import type { RawCandidate } from '../extract/types';

type Mf = { type?: string[]; properties?: Record<string, unknown[]>; value?: unknown; children?: Mf[] };

function str(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.value === 'string') return o.value;
  }
  return '';
}

/** A nested h-card / h-adr's readable value: its name, else locality and country. */
function nestedText(v: unknown): string {
  if (v && typeof v === 'object' && 'properties' in v) {
    const p = (v as Mf).properties ?? {};
    const name = str(p.name?.[0]);
    if (name) return name;
    const parts = ['locality', 'region', 'country-name'].map((k) => str(p[k]?.[0])).filter(Boolean);
    if (parts.length) return parts.join(', ');
  }
  return str(v);
}

function cardsIn(items: Mf[], out: Mf[], depth = 0): void {
  if (depth > 20) return;
  for (const item of items) {
    if (out.length >= 500) return;
    if (item.type?.includes('h-card')) out.push(item);
    else {
      // A person nested in another microformat (h-entry's p-author) is a person too.
      for (const values of Object.values(item.properties ?? {}))
        for (const v of values) if (v && typeof v === 'object' && 'type' in v) cardsIn([v as Mf], out, depth + 1);
    }
    if (item.children) cardsIn(item.children, out, depth + 1);
  }
}

/**
 * People in the h-card HTML the page collected (lib/extract/sources/h-card.ts), parsed with microformats-parser:
 * the full mf2 algorithm, classic v1 `vcard` class names included. Runs in the background and in Node, never in
 * a page. A fragment that fails to parse (deep nesting) is skipped.
 */
export function hCardCandidates(fragments: readonly string[], baseUrl: string): RawCandidate[] {
  const out: RawCandidate[] = [];
  const base = new URL(baseUrl);
  for (const html of fragments) {
    let items: Mf[];
    try {
      items = mf2(html, { baseUrl }).items as Mf[];
    } catch {
      continue;
    }
    const v1 = /^<[^>]*class="[^"]*\bvcard\b/i.test(html) && !/^<[^>]*class="[^"]*\bh-card\b/i.test(html);
    const cards: Mf[] = [];
    cardsIn(items, cards);
    const explicitName = /\bclass="[^"]*\b(?:p-name|fn)\b/i.test(html);
    for (const card of cards) {
      const p = card.properties ?? {};
      const at = (v2: string, v1name: string) => `${v1 ? 'vcard' : 'h-card'} ${v1 ? v1name : v2}`;
      const b = new CandidateBuilder('h-card', 0.75, base);
      const name = str(p.name?.[0]);
      if (explicitName || looksLikeName(name)) b.set('name', name, at('p-name', 'fn'));
      b.set('givenName', str(p['given-name']?.[0]), at('p-given-name', 'given-name'));
      b.set('familyName', str(p['family-name']?.[0]), at('p-family-name', 'family-name'));
      b.set('jobTitle', str(p['job-title']?.[0]) || str(p.role?.[0]), at('p-job-title', 'title'));
      b.set('company', nestedText(p.org?.[0]), at('p-org', 'org'));
      const adr = p.adr?.[0];
      b.set(
        'location',
        adr ? nestedText(adr) : [p.locality?.[0], p['country-name']?.[0]].map(str).filter(Boolean).join(', '),
        at('p-adr', 'adr'),
      );
      for (const e of p.email ?? []) b.add('emails', str(e), at('u-email', 'email'));
      for (const t of p.tel ?? []) b.add('phones', str(t), at('p-tel', 'tel'));
      for (const u of [...(p.url ?? []), ...(p.uid ?? [])]) {
        const href = str(u);
        if (/linkedin\.com\/in\//i.test(href)) b.set('linkedinUrl', href, at('u-url', 'url'));
        b.add('urls', href, at('u-url', 'url'));
      }
      const c = b.done();
      if (c && (c.name || c.emails?.length || c.linkedinUrl)) out.push(c);
    }
  }
  return out;
}
