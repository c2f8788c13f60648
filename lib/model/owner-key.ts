/** How owner names compare: case, accents and runs of spaces aside ("Ben  Tan" = "ben tan" = "Bén Tan"). */
export function ownerKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim().split(/\s+/).filter(Boolean).join(' ');
}
