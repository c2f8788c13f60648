import type { ProspectorDb } from '../db/database';
import { AppError } from '../errors/app-error';
import { phoneIdentity } from '../identity/keys';
import { isLive } from '../identity/live';
import { lowerCase, unionBy } from '../identity/union';
import { type Activity, type Contact, MAX_LIST, newId, type Provenance } from '../model';
import { withKeys } from './merge';
import { mergeUrls } from './profile-urls';

const SINGLE_FIELDS = ['name', 'givenName', 'familyName', 'jobTitle', 'company', 'companyDomain', 'location'] as const;

/**
 * Two records of one person as one: `keep` stays, `other` fills its gaps. Every distinct email, phone, link and
 * tag of both is kept (lists beyond the stored limit keep the kept contact's first); a single field keeps the
 * kept contact's value unless it is empty; notes are joined; the earliest capture stays the source.
 */
export function mergedContact(keep: Contact, other: Contact, at: number): Contact {
  const provenance: Record<string, Provenance> = { ...other.provenance, ...keep.provenance };
  const next: Contact = { ...keep, provenance };
  for (const f of SINGLE_FIELDS) {
    if (!keep[f] && other[f]) {
      next[f] = other[f];
      if (other.provenance[f]) provenance[f] = other.provenance[f];
      else delete provenance[f];
    }
  }
  next.emails = unionBy(keep.emails, other.emails, lowerCase, MAX_LIST);
  next.phones = unionBy(keep.phones, other.phones, phoneIdentity, MAX_LIST);
  next.tags = unionBy(keep.tags, other.tags, lowerCase, MAX_LIST);
  next.urls = mergeUrls(keep.urls, other.urls, false);
  next.notes = [keep.notes, other.notes].filter((n) => n.trim()).join('\n\n');
  next.editedFields = [...new Set([...keep.editedFields, ...other.editedFields])];
  if (other.source.capturedAt < keep.source.capturedAt) next.source = other.source;
  next.createdAt = Math.min(keep.createdAt, other.createdAt);
  next.updatedAt = at;
  return withKeys(next);
}

/**
 * Merges `mergeId` into `keepId` in one transaction: the kept contact takes the other's details, deals and
 * timeline; the other is marked merged (mergedInto) and soft-deleted, so nothing is lost and a later capture of
 * it is not found again; a 'merged' activity records what happened.
 */
export async function mergeContacts(db: ProspectorDb, keepId: string, mergeId: string, at: number): Promise<Contact> {
  if (keepId === mergeId) throw new AppError('error_mergeSelf');
  return db.transaction('rw', [db.contacts, db.deals, db.activities], async () => {
    const [keep, other] = await db.contacts.bulkGet([keepId, mergeId]);
    if (!keep || !other) throw new AppError('error_mergeMissing');
    if (!isLive(keep) || !isLive(other)) throw new AppError('error_mergeGone');
    const merged = mergedContact(keep, other, at);
    await db.contacts.put(merged);
    await db.contacts.put({ ...other, mergedInto: keepId, deletedAt: at, updatedAt: at });
    await db.deals
      .where('contactId')
      .equals(mergeId)
      .modify((d) => {
        d.contactId = keepId;
        d.updatedAt = at;
      });
    await db.activities
      .where('[contactId+at]')
      .between([mergeId, -Infinity], [mergeId, Infinity])
      .modify((a) => {
        a.contactId = keepId;
      });
    const note: Activity = {
      id: newId(),
      contactId: keepId,
      dealId: null,
      type: 'merged',
      at,
      payload: { mergedId: mergeId, name: other.name, emails: other.emails },
    };
    await db.activities.add(note);
    return merged;
  });
}
