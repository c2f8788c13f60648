import { CandidateBuilder } from '../candidate';
import { cleanText } from '../text';
import type { Extractor, RawCandidate } from '../types';

/** Larger blocks are skipped unparsed: a 10 MB product catalogue is not a person, and parsing it costs the page. */
const MAX_SCRIPT_CHARS = 3_000_000;
const MAX_SCRIPTS = 50;
const MAX_DEPTH = 32;
const MAX_NODES = 5000;
const MAX_PEOPLE = 500;

type Obj = Record<string, unknown>;
interface Node {
  obj: Obj;
  path: string;
  /** The organisation this node sits under (`employee`, `founder`, `member`, `contactPoint`…), if any. */
  org: Obj | null;
  /** True when the object holding this node (through a key or an array under it) is an organisation. */
  underOrg: boolean;
}

const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
/** Own properties only: a page's JSON may carry `__proto__` or `constructor` keys. */
const get = (o: Obj, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

function types(o: Obj): string[] {
  return list(get(o, '@type'))
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^.*[/#:]/, ''));
}

const ORG_TYPES =
  /^(?:Organization|Corporation|LocalBusiness|NGO|EducationalOrganization|GovernmentOrganization|ProfessionalService|Store|Company|OnlineBusiness|NewsMediaOrganization|MedicalOrganization)$/;
const isOrg = (o: Obj) => types(o).some((t) => ORG_TYPES.test(t));
const ORG_LINKS = new Set([
  'employee',
  'employees',
  'founder',
  'founders',
  'member',
  'members',
  'contactPoint',
  'alumni',
]);

/** Every object node, with its path and enclosing organisation; iterative, depth- and count-bounded. */
function collect(root: unknown): { nodes: Node[]; byId: Map<string, Obj> } {
  const nodes: Node[] = [];
  const byId = new Map<string, Obj>();
  const stack: (Node & { v: unknown; depth: number })[] = [
    { v: root, obj: {}, path: '$', depth: 0, org: null, underOrg: false },
  ];
  while (stack.length && nodes.length < MAX_NODES) {
    const { v, path, depth, org, underOrg } = stack.pop()!;
    if (depth > MAX_DEPTH || !v || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (let i = Math.min(v.length, MAX_NODES) - 1; i >= 0; i--)
        stack.push({ v: v[i], obj: {}, path: `${path}[${i}]`, depth: depth + 1, org, underOrg });
      continue;
    }
    const obj = v as Obj;
    nodes.push({ obj, path, org, underOrg });
    // A reference ({"@id": …}) may come before the node it names: keep the fullest node for each id.
    const id = get(obj, '@id');
    if (typeof id === 'string' && Object.keys(obj).length > Object.keys(byId.get(id) ?? {}).length) byId.set(id, obj);
    const here = isOrg(obj) ? obj : null;
    const keys = Object.keys(obj);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
      const inOrg = here && ORG_LINKS.has(key) ? here : key === '@graph' ? null : org;
      stack.push({
        v: obj[key],
        obj: {},
        path: `${path}.${key}`.slice(0, 160),
        depth: depth + 1,
        org: inOrg,
        underOrg: !!here,
      });
    }
  }
  return { nodes, byId };
}

/** A node, following an `{"@id": …}` reference to the full node once. */
function resolve(v: unknown, byId: Map<string, Obj>): unknown {
  if (isObj(v)) {
    const id = get(v, '@id');
    if (typeof id === 'string' && Object.keys(v).length <= 2 && byId.has(id)) return byId.get(id);
  }
  return v;
}

/**
 * A node's text: a string, or the name (or `@value`) of what it refers to. A loop with a visited set, not
 * recursion: `@id` references can form a cycle (A's name is B, B's name is A) and arrays can nest deeply, and
 * a thrown stack overflow would drop every person of the page (issue #15).
 */
function text(v: unknown, byId: Map<string, Obj>): string {
  const seen = new Set<unknown>();
  let current = v;
  for (let depth = 0; depth <= MAX_DEPTH; depth++) {
    const r = resolve(current, byId);
    if (typeof r === 'string' || typeof r === 'number') return cleanText(String(r));
    if (!r || typeof r !== 'object' || seen.has(r)) return '';
    seen.add(r);
    current = Array.isArray(r) ? r[0] : (get(r as Obj, 'name') ?? get(r as Obj, '@value'));
  }
  return '';
}

function place(v: unknown, byId: Map<string, Obj>): string {
  const r = resolve(list(v)[0], byId);
  if (typeof r === 'string') return cleanText(r);
  if (!isObj(r)) return '';
  const addr = isObj(get(r, 'address')) ? (get(r, 'address') as Obj) : r;
  const parts = ['addressLocality', 'addressRegion', 'addressCountry'].map((k) => text(get(addr, k), byId));
  return cleanText([...new Set(parts.filter(Boolean))].join(', ')) || (addr === r ? '' : text(get(r, 'name'), byId));
}

function person(node: Node, byId: Map<string, Obj>, base: URL): RawCandidate | null {
  const o = node.obj;
  const b = new CandidateBuilder('json-ld', 0.8, base);
  const at = (key: string) => `${node.path}.${key}`;
  b.set('name', text(get(o, 'name'), byId), at('name'));
  const given = text(get(o, 'givenName'), byId);
  const family = text(get(o, 'familyName'), byId);
  if (!b.get('name') && (given || family)) b.set('name', `${given} ${family}`, at('givenName'));
  b.set('givenName', given, at('givenName'));
  b.set('familyName', family, at('familyName'));
  b.set('jobTitle', text(get(o, 'jobTitle'), byId), at('jobTitle'));
  b.set('jobTitle', text(get(o, 'hasOccupation'), byId), at('hasOccupation'), 0.6);
  for (const key of ['worksFor', 'affiliation', 'memberOf'])
    b.set('company', text(list(get(o, key))[0], byId), at(key));
  if (node.org) b.set('company', text(get(node.org, 'name'), byId), `${node.path} (organisation)`, 0.7);
  for (const key of ['address', 'homeLocation', 'workLocation']) b.set('location', place(get(o, key), byId), at(key));
  const points = list(get(o, 'contactPoint'))
    .map((p) => resolve(p, byId))
    .filter(isObj);
  for (const src of [o, ...points]) {
    for (const e of list(get(src, 'email'))) b.add('emails', typeof e === 'string' ? e : '', at('email'));
    for (const t of list(get(src, 'telephone'))) b.add('phones', typeof t === 'string' ? t : '', at('telephone'));
  }
  for (const key of ['url', 'sameAs']) {
    for (const u of list(get(o, key))) {
      const href = typeof u === 'string' ? u : '';
      if (/linkedin\.com\/in\//i.test(href)) b.set('linkedinUrl', href, at(key));
      b.add('urls', href, at(key));
    }
  }
  return b.done();
}

/** An organisation's contact points (sales, support): reachable people even without a name. */
function contactPoint(node: Node, byId: Map<string, Obj>, base: URL): RawCandidate | null {
  const o = node.obj;
  const email = list(get(o, 'email')).find((e) => typeof e === 'string');
  if (!email) return null;
  const b = new CandidateBuilder('json-ld', 0.5, base);
  b.add('emails', email, `${node.path}.email`);
  for (const t of list(get(o, 'telephone'))) b.add('phones', typeof t === 'string' ? t : '', `${node.path}.telephone`);
  b.set('name', text(get(o, 'name'), byId), `${node.path}.name`);
  const kind = text(get(o, 'contactType'), byId);
  b.set('jobTitle', kind ? kind[0]!.toUpperCase() + kind.slice(1) : '', `${node.path}.contactType`, 0.4);
  if (node.org) b.set('company', text(get(node.org, 'name'), byId), `${node.path} (organisation)`, 0.7);
  return b.done();
}

/**
 * schema.org in JSON-LD: `Person` nodes anywhere (top level, `@graph`, nested under an organisation's
 * `employee`/`founder`), with `worksFor` / `@id` references resolved, `contactPoint`s, `sameAs` links, and an
 * organisation's own `ContactPoint`s with an email.
 */
export const jsonLd: Extractor = {
  id: 'json-ld',
  priority: 50,
  extract(doc, url) {
    const out: RawCandidate[] = [];
    const scripts = doc.querySelectorAll('script[type="application/ld+json" i]');
    for (let i = 0; i < Math.min(scripts.length, MAX_SCRIPTS); i++) {
      const raw = scripts[i]!.textContent ?? '';
      if (raw.length > MAX_SCRIPT_CHARS) continue;
      let data: unknown;
      try {
        data = JSON.parse(raw);
      } catch {
        continue;
      }
      const { nodes, byId } = collect(data);
      for (const node of nodes) {
        if (out.length >= MAX_PEOPLE) return out;
        const t = types(node.obj);
        const found = t.includes('Person')
          ? person(node, byId, url)
          : t.includes('ContactPoint') && node.underOrg
            ? contactPoint(node, byId, url)
            : null;
        if (found) out.push(found);
      }
    }
    return out;
  },
};
