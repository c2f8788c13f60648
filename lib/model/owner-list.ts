// Owner-list helpers without zod: the database module (on the popup's open path) builds owners from deal names
// in its upgrade, and must not pull the schemas in (tests/unit/layers/layers.test.ts).
import type { Owner } from './owner';
import { ownerKey } from './owner-key';

export function quotaId(ownerId: string | null, period: string): string {
  return `${ownerId ?? 'team'}|${period}`;
}

/** The owner's stable id, from its name as first seen (the same name gives the same id in every context). */
export function ownerIdFor(name: string): string {
  return `own-${ownerKey(name).slice(0, 56)}`;
}

/** One owner per distinct name (compared by ownerKey), in first-seen order: the list a set of deals implies. */
export function ownersFromNames(names: Iterable<string>): Owner[] {
  const out = new Map<string, Owner>();
  for (const raw of names) {
    const name = raw.trim();
    const key = ownerKey(name);
    if (key && !out.has(key)) out.set(key, { id: ownerIdFor(name), name, aliases: [], user: '' });
  }
  return [...out.values()];
}

/** The owner a free-text name means, by name or alias (case, accents and spacing aside); undefined if none. */
export function findOwner(owners: readonly Owner[], text: string): Owner | undefined {
  const key = ownerKey(text);
  if (!key) return undefined;
  return owners.find((o) => ownerKey(o.name) === key || o.aliases.some((a) => ownerKey(a) === key));
}
