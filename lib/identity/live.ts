import type { Contact } from '../model';

/** A contact still in use: not deleted, not merged into another. Tolerates rows from before these fields. */
export function isLive(c: Partial<Pick<Contact, 'deletedAt' | 'mergedInto'>>): boolean {
  return (c.deletedAt ?? null) === null && (c.mergedInto ?? null) === null;
}
