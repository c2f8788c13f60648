import { foldText } from '../db/keys';
import type { CandidateInput } from '../model';

type Cand = CandidateInput;

function overlaps(a: Cand, b: Cand): boolean {
  const emails = new Set(a.emails ?? []);
  if ((b.emails ?? []).some((e) => emails.has(e))) return true;
  if (a.linkedinUrl && a.linkedinUrl === b.linkedinUrl) return true;
  const na = foldText(a.name ?? '');
  return !!na && na === foldText(b.name ?? '');
}

function combine(into: Cand, from: Cand): Cand {
  const out: Cand = { ...into, provenance: { ...from.provenance, ...into.provenance } };
  for (const f of ['name', 'givenName', 'familyName', 'jobTitle', 'company', 'linkedinUrl', 'location'] as const) {
    if (!out[f] && from[f]) {
      out[f] = from[f];
      if (from.provenance?.[f]) out.provenance![f] = from.provenance[f];
    }
  }
  for (const f of ['emails', 'phones', 'urls'] as const)
    out[f] = [...new Set([...(into[f] ?? []), ...(from[f] ?? [])])];
  out.confidence = Math.max(into.confidence ?? 0, from.confidence ?? 0);
  return out;
}

/**
 * One candidate per person: candidates that share an email, LinkedIn URL or name are folded together, the
 * earlier (higher-priority extractor) keeping its single-valued fields. A team page stays several people.
 */
export function mergeCandidates(list: readonly Cand[]): Cand[] {
  const out: Cand[] = [];
  for (const cand of list) {
    const i = out.findIndex((o) => overlaps(o, cand));
    if (i >= 0) out[i] = combine(out[i]!, cand);
    else out.push({ ...cand });
  }
  return out;
}
