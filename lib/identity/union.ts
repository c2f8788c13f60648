/**
 * The values of `a` then those of `b` not already there, compared by `key` (an email by its lower case, a phone
 * by phoneIdentity), first spelling kept, empty values dropped, at most `max`.
 */
export function unionBy(
  a: readonly string[],
  b: readonly string[],
  key: (value: string) => string,
  max = Number.POSITIVE_INFINITY,
): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of [...a, ...b]) {
    if (out.length >= max) break;
    const k = key(v);
    if (!v || seen.has(k)) continue;
    seen.add(k);
    out.push(v);
  }
  return out;
}

export const lowerCase = (v: string) => v.toLowerCase();
