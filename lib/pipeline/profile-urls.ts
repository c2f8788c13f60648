import { linkedinKey, linkedinUrlFromKey } from '../identity/keys';
import type { ProfileUrls } from '../model';

const MAX_OTHER = 20;

/** Sorts links into the profile slots a contact has. The first link of a kind wins its slot. */
export function classifyUrls(urls: readonly string[], linkedinUrl = ''): ProfileUrls {
  const out: ProfileUrls = { other: [] };
  const li = linkedinKey(linkedinUrl);
  if (li) out.linkedin = linkedinUrlFromKey(li);
  for (const raw of urls) {
    let host = '';
    try {
      host = new URL(raw).hostname.replace(/^www\./, '').toLowerCase();
    } catch {
      continue;
    }
    const liKey = linkedinKey(raw);
    if (liKey) {
      out.linkedin ??= linkedinUrlFromKey(liKey);
    } else if (host === 'github.com' && /^https?:\/\/(www\.)?github\.com\/[^/?#]+\/?$/i.test(raw)) {
      out.github ??= raw;
    } else if (host === 'x.com' || host === 'twitter.com') {
      out.x ??= raw;
    } else if (!out.website && !host.endsWith('linkedin.com')) {
      out.website = raw;
    } else if (!out.other.includes(raw) && out.other.length < MAX_OTHER) {
      out.other.push(raw);
    }
  }
  return out;
}

/** Both sets of links, the first's slots kept unless `preferSecond` and the second has one. */
export function mergeUrls(a: ProfileUrls, b: ProfileUrls, preferSecond: boolean): ProfileUrls {
  const pick = (x?: string, y?: string) => (preferSecond ? (y ?? x) : (x ?? y));
  const all = [a.linkedin, a.github, a.x, a.website, b.linkedin, b.github, b.x, b.website].filter(Boolean);
  const merged: ProfileUrls = {
    linkedin: pick(a.linkedin, b.linkedin),
    github: pick(a.github, b.github),
    x: pick(a.x, b.x),
    website: pick(a.website, b.website),
    other: [],
  };
  const slots = new Set([merged.linkedin, merged.github, merged.x, merged.website]);
  for (const u of [...a.other, ...b.other, ...all]) {
    if (u && !slots.has(u) && !merged.other.includes(u) && merged.other.length < MAX_OTHER) merged.other.push(u);
  }
  for (const k of ['linkedin', 'github', 'x', 'website'] as const) if (merged[k] === undefined) delete merged[k];
  return merged;
}

/** The same links in the same slots, whatever order the object's keys were stored in. */
export function sameProfileUrls(a: ProfileUrls, b: ProfileUrls): boolean {
  const slots = ['linkedin', 'github', 'x', 'website'] as const;
  if (slots.some((k) => (a[k] ?? '') !== (b[k] ?? ''))) return false;
  const other = new Set(a.other);
  return a.other.length === b.other.length && b.other.every((u) => other.has(u));
}

export function allUrls(urls: ProfileUrls): string[] {
  return [urls.linkedin, urls.github, urls.x, urls.website, ...urls.other].filter((u): u is string => !!u);
}
