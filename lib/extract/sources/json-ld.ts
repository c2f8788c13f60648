import type { CandidateInput } from '../../model';
import { cleanEmail, cleanPhone, cleanText, cleanUrl } from '../text';
import type { Extractor } from '../types';

const MAX_SCRIPT_CHARS = 2_000_000;
const MAX_DEPTH = 20;
const MAX_NODES = 5000;

type Json = unknown;

function asArray(v: Json): Json[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

function typesOf(node: Record<string, Json>): string[] {
  return asArray(node['@type'])
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^.*[/#:]/, ''));
}

function textOf(v: Json): string {
  if (typeof v === 'string' || typeof v === 'number') return cleanText(String(v));
  if (v && typeof v === 'object' && !Array.isArray(v)) return textOf((v as Record<string, Json>).name);
  if (Array.isArray(v)) return textOf(v[0]);
  return '';
}

/** Every object node in the JSON, depth- and count-bounded (a hostile page may nest 10,000 deep). */
function collectNodes(root: Json, out: Record<string, Json>[], depth = 0): void {
  if (depth > MAX_DEPTH || out.length >= MAX_NODES || !root || typeof root !== 'object') return;
  if (Array.isArray(root)) {
    for (const item of root) collectNodes(item, out, depth + 1);
    return;
  }
  const node = root as Record<string, Json>;
  out.push(node);
  for (const key of Object.keys(node)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    collectNodes(node[key], out, depth + 1);
  }
}

function personFrom(node: Record<string, Json>, base: URL): CandidateInput {
  const p = (key: string) => ({ source: 'json-ld', detail: key });
  const name = textOf(node.name) || cleanText(`${textOf(node.givenName)} ${textOf(node.familyName)}`);
  const org = asArray(node.worksFor)[0] ?? asArray(node.affiliation)[0];
  const points = asArray(node.contactPoint).filter((c): c is Record<string, Json> => !!c && typeof c === 'object');
  const emails = [node.email, ...points.map((c) => c.email)].flatMap(asArray).map(cleanEmail).filter(Boolean);
  const phones = [node.telephone, ...points.map((c) => c.telephone)].flatMap(asArray).map(cleanPhone).filter(Boolean);
  const urls = [node.url, ...asArray(node.sameAs)]
    .map((u) => cleanUrl(typeof u === 'string' ? u : '', base))
    .filter(Boolean);
  const address = asArray(node.address)[0];
  const location =
    typeof address === 'string'
      ? cleanText(address)
      : address && typeof address === 'object'
        ? cleanText(
            [(address as Record<string, Json>).addressLocality, (address as Record<string, Json>).addressCountry]
              .map(textOf)
              .filter(Boolean)
              .join(', '),
          )
        : '';
  return {
    name,
    givenName: textOf(node.givenName),
    familyName: textOf(node.familyName),
    jobTitle: textOf(node.jobTitle),
    company: textOf(org),
    emails,
    phones,
    urls,
    location,
    provenance: {
      ...(name ? { name: p('name') } : {}),
      ...(node.jobTitle ? { jobTitle: p('jobTitle') } : {}),
      ...(org ? { company: p('worksFor') } : {}),
      ...(emails.length ? { emails: p('email') } : {}),
      ...(phones.length ? { phones: p('telephone') } : {}),
      ...(urls.length ? { urls: p('sameAs') } : {}),
      ...(location ? { location: p('address') } : {}),
    },
    confidence: 0.8,
  };
}

/** schema.org `Person` in JSON-LD scripts, nested anywhere (including `@graph`). */
export const jsonLd: Extractor = {
  id: 'json-ld',
  priority: 50,
  extract(doc, url) {
    const out: CandidateInput[] = [];
    for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
      const text = script.textContent ?? '';
      if (text.length > MAX_SCRIPT_CHARS) continue;
      let data: Json;
      try {
        data = JSON.parse(text);
      } catch {
        continue;
      }
      const nodes: Record<string, Json>[] = [];
      collectNodes(data, nodes);
      for (const node of nodes) if (typesOf(node).includes('Person')) out.push(personFrom(node, url));
    }
    return out;
  },
};
