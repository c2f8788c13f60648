/**
 * cyrb53 (a public-domain 53-bit string hash by bryc): fast, well mixed, synchronous. Not cryptographic; used
 * only to turn an import key into a stable record id.
 */
function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A 106-bit digest of `text` as 28 hex digits: two cyrb53 runs with different seeds. */
export function digest(text: string): string {
  return cyrb53(text, 1).toString(16).padStart(14, '0') + cyrb53(text, 2).toString(16).padStart(14, '0');
}

/**
 * The id of a record an import creates from `key`: the same file imported again gives the same ids, so what
 * is already there is found by primary key (no extra index) and nothing is duplicated.
 */
export function importedId(key: string): string {
  return `imp-${digest(key)}`;
}
