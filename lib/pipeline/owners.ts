import type { ProspectorDb } from '../db/database';
import { type Deal, findOwner, type Owner, ownerIdFor, type Quota, quotaId } from '../model';
import { ownerKey } from '../model/owner-key';

/** The owner record a name means (by name or alias), made and stored if there is none yet. */
async function ownerNamed(db: ProspectorDb, name: string): Promise<Owner> {
  const owners = await db.owners.toArray();
  const found = findOwner(owners, name);
  if (found) return found;
  const owner: Owner = { id: ownerIdFor(name), name: name.trim(), aliases: [], user: '' };
  await db.owners.put(owner);
  return owner;
}

/** Every deal whose owner text means one of `names`, given `to` as its owner (one pass over the deals). */
async function reassignDeals(db: ProspectorDb, names: readonly string[], to: string, now: number): Promise<number> {
  const keys = new Set(names.map(ownerKey).filter(Boolean));
  return db.deals
    .filter((d: Deal) => keys.has(ownerKey(d.owner)) && d.owner !== to)
    .modify((d: Deal) => {
      d.owner = to;
      d.updatedAt = now;
    });
}

/**
 * Renames an owner: its deals follow, and the old name stays as an alias so a file that still says it maps here.
 * Renaming to a name another owner has is refused: that is a merge.
 */
export async function renameOwner(db: ProspectorDb, from: string, to: string, now: number): Promise<Owner> {
  const name = to.trim();
  return db.transaction('rw', [db.owners, db.deals], async () => {
    const owner = await ownerNamed(db, from);
    const other = findOwner(await db.owners.toArray(), name);
    if (other && other.id !== owner.id) throw new OwnerExists(other.name);
    const old = [owner.name, ...owner.aliases];
    const aliases = [...new Set([...owner.aliases, owner.name].filter((a) => ownerKey(a) !== ownerKey(name)))];
    const next: Owner = { ...owner, name, aliases };
    await db.owners.put(next);
    await reassignDeals(db, old, name, now);
    return next;
  });
}

export class OwnerExists extends Error {
  constructor(readonly existing: string) {
    super(existing);
  }
}

/**
 * Merges one owner into another ("Ben" into "Ben Tan"): the deals, the spellings (as aliases) and the quotas of
 * the one go to the other (quotas of the same period are added up), and the one is removed.
 */
export async function mergeOwners(db: ProspectorDb, from: string, into: string, now: number): Promise<Owner> {
  return db.transaction('rw', [db.owners, db.deals, db.quotas], async () => {
    const gone = await ownerNamed(db, from);
    const kept = await ownerNamed(db, into);
    if (gone.id === kept.id) return kept;
    const names = [gone.name, ...gone.aliases];
    const next: Owner = {
      ...kept,
      aliases: [...new Set([...kept.aliases, ...names])].filter((a) => ownerKey(a) !== ownerKey(kept.name)),
      user: kept.user || gone.user,
    };
    await db.owners.put(next);
    await db.owners.delete(gone.id);
    await reassignDeals(db, names, kept.name, now);
    const moved = await db.quotas.where('ownerId').equals(gone.id).toArray();
    for (const q of moved) {
      const id = quotaId(kept.id, q.period);
      const there = await db.quotas.get(id);
      await db.quotas.put({ ...q, id, ownerId: kept.id, amount: q.amount + (there?.amount ?? 0) });
      await db.quotas.delete(q.id);
    }
    return next;
  });
}

/** Sets the sync user name team sync knows the owner by ('' for none). */
export async function setOwnerUser(db: ProspectorDb, name: string, user: string): Promise<Owner> {
  return db.transaction('rw', [db.owners], async () => {
    const owner = { ...(await ownerNamed(db, name)), user: user.trim() };
    await db.owners.put(owner);
    return owner;
  });
}

/** Sets (or, with amount null, removes) the quota of an owner, or the team (owner null), for a period. */
export async function setQuota(
  db: ProspectorDb,
  q: { owner: string | null; period: string; amount: number | null; currency: string },
): Promise<Quota | null> {
  return db.transaction('rw', [db.owners, db.quotas], async () => {
    const ownerId = q.owner === null ? null : (await ownerNamed(db, q.owner)).id;
    const id = quotaId(ownerId, q.period);
    if (q.amount === null) {
      await db.quotas.delete(id);
      return null;
    }
    const quota: Quota = { id, ownerId, period: q.period, amount: q.amount, currency: q.currency };
    await db.quotas.put(quota);
    return quota;
  });
}

/**
 * The owner names an import's rows give, mapped to the owners list: a name or alias already known becomes that
 * owner's name ("ben tan" → "Ben Tan"); a new one is added to the list as written.
 */
export async function ownersForImport(db: ProspectorDb, texts: Iterable<string>): Promise<Map<string, string>> {
  const owners = await db.owners.toArray();
  const out = new Map<string, string>();
  const added: Owner[] = [];
  for (const text of texts) {
    if (out.has(text) || !ownerKey(text)) continue;
    const found = findOwner(owners, text) ?? findOwner(added, text);
    if (found) out.set(text, found.name);
    else {
      const owner: Owner = { id: ownerIdFor(text), name: text.trim(), aliases: [], user: '' };
      added.push(owner);
      out.set(text, owner.name);
    }
  }
  if (added.length) await db.owners.bulkPut(added);
  return out;
}
