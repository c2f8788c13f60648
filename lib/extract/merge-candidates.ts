import { companyKey, foldText, linkedinKey } from '../identity/keys';
import { MAX_LIST } from '../model/limits';
import type { FieldSource, RawCandidate } from './types';

const SINGLE = ['name', 'givenName', 'familyName', 'jobTitle', 'company', 'linkedinUrl', 'location'] as const;
const LISTS = ['emails', 'phones', 'urls'] as const;

const conf = (p: FieldSource | undefined, fallback: number) => p?.confidence ?? fallback;

/** Phones compare by their digits ("+1 (415) 555-0132" is "+14155550132"), everything else case-insensitively. */
function listKey(field: (typeof LISTS)[number], v: string): string {
  return field === 'phones' ? v.replace(/[^\d+]/g, '').replace(/^\+?/, '+') : v.toLowerCase();
}

/** `b` folded into `a`: each single-valued field keeps the more confident value (ties: `a`'s), lists are united. */
export function combine(a: RawCandidate, b: RawCandidate): RawCandidate {
  const out: RawCandidate = { ...a, provenance: { ...a.provenance } };
  for (const f of SINGLE) {
    const bv = b[f];
    if (!bv) continue;
    const pa = a.provenance?.[f];
    const pb = b.provenance?.[f];
    if (!a[f] || conf(pb, b.confidence ?? 0.5) > conf(pa, a.confidence ?? 0.5)) {
      out[f] = bv;
      if (pb) out.provenance![f] = pb;
      else delete out.provenance![f];
    }
  }
  for (const f of LISTS) {
    const seen = new Set((a[f] ?? []).map((v) => listKey(f, v)));
    const merged = [...(a[f] ?? [])];
    for (const v of b[f] ?? []) {
      const k = listKey(f, v);
      if (seen.has(k) || merged.length >= MAX_LIST) continue;
      seen.add(k);
      merged.push(v);
    }
    if (merged.length) out[f] = merged;
    if (!out.provenance![f] && b.provenance?.[f]) out.provenance![f] = b.provenance[f];
  }
  out.confidence = Math.max(a.confidence ?? 0, b.confidence ?? 0);
  return out;
}

function nameKeyOf(c: RawCandidate): string {
  const n = foldText(c.name ?? '');
  // One word ("Jane") is too weak to say two mentions are one person.
  return n.includes(' ') || (n && !/[a-z]/.test(n)) ? n : '';
}

/** Two mentions with one name are one person unless their profiles or companies say otherwise. */
function compatible(a: RawCandidate, b: RawCandidate): boolean {
  const la = linkedinKey(a.linkedinUrl ?? '');
  const lb = linkedinKey(b.linkedinUrl ?? '');
  if (la && lb && la !== lb) return false;
  const ca = companyKey(a.company ?? '');
  const cb = companyKey(b.company ?? '');
  return !(ca && cb && ca !== cb && !ca.includes(cb) && !cb.includes(ca));
}

/**
 * One candidate per person: mentions that share an email address, a LinkedIn profile, or a full name (without
 * conflicting profiles or companies) are folded together, the more confident value winning each field. A team
 * page stays several people. Linear in the number of mentions (indexed by key).
 */
export function mergeCandidates(list: readonly RawCandidate[]): RawCandidate[] {
  const groups: (RawCandidate | null)[] = [];
  const byKey = new Map<string, number>();
  const keysOf = (c: RawCandidate) => {
    const keys = (c.emails ?? []).map((e) => `e:${e.toLowerCase()}`);
    const li = linkedinKey(c.linkedinUrl ?? '');
    if (li) keys.push(`l:${li}`);
    return keys;
  };
  for (const cand of list) {
    const hits = new Set<number>();
    for (const k of keysOf(cand)) {
      const i = byKey.get(k);
      if (i !== undefined && groups[i]) hits.add(i);
    }
    const nk = nameKeyOf(cand);
    if (nk) {
      const i = byKey.get(`n:${nk}`);
      if (i !== undefined && groups[i] && compatible(groups[i]!, cand)) hits.add(i);
    }
    let target: number;
    if (!hits.size) {
      target = groups.length;
      groups.push({ ...cand });
    } else {
      const [first, ...rest] = [...hits].sort((x, y) => x - y);
      target = first!;
      let merged = combine(groups[target]!, cand);
      for (const i of rest) {
        merged = combine(merged, groups[i]!);
        groups[i] = null;
      }
      groups[target] = merged;
    }
    const g = groups[target]!;
    for (const k of keysOf(g)) byKey.set(k, target);
    const gk = nameKeyOf(g);
    if (gk && !byKey.has(`n:${gk}`)) byKey.set(`n:${gk}`, target);
  }
  return groups.filter((g): g is RawCandidate => !!g);
}
