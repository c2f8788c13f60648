import type { ProspectorDb } from '../db/database';
import { type Candidate, newActivity } from '../model';
import { candidateWithOnly, offeredUpdate, type UpdateField } from './known-update';
import { type CaptureSource, mergeCandidate } from './merge';

export interface KnownUpdate {
  contactId: string;
  /** The person as the page shows them. */
  candidate: Candidate;
  /** The fields the rep left ticked. */
  fields: UpdateField[];
}

export interface AppliedUpdate {
  contactId: string;
  /** The fields that changed (none when the contact already had it all, was edited by hand, or is gone). */
  changed: string[];
}

/**
 * Applies what the rep ticked of a page's update to known people, in one transaction. The changes are worked
 * out again on the stored contact (it may have changed since the popup showed it), by the same rule as a capture,
 * so a field edited by hand is never overwritten whatever was asked. The timeline entry says each change with
 * its old and new value and where the new one was read ("Job title changed from … to … from the email signature").
 */
export async function applyKnownUpdates(
  db: ProspectorDb,
  updates: readonly KnownUpdate[],
  src: CaptureSource,
): Promise<AppliedUpdate[]> {
  return db.transaction('rw', [db.contacts, db.activities], async () => {
    const out: AppliedUpdate[] = [];
    for (const u of updates) {
      const stored = await db.contacts.get(u.contactId);
      if (!stored || stored.deletedAt !== null || stored.mergedInto) {
        out.push({ contactId: u.contactId, changed: [] });
        continue;
      }
      const chosen = candidateWithOnly(u.candidate, u.fields);
      const offered = offeredUpdate(stored, chosen).filter((c) => !c.locked);
      const { contact, changed } = mergeCandidate(stored, chosen, src);
      if (changed.length) {
        await db.contacts.put(contact);
        await db.activities.add(
          newActivity(contact.id, null, 'updated', src.at, {
            url: src.url,
            site: src.site,
            fields: changed,
            // Each change as the rep ticked it, with where the page's value came from.
            changes: offered
              .filter((c) => c.added.length === 0)
              .map((c) => ({ field: c.field, from: c.from, to: c.to, ...sourceOf(c.provenance) })),
            added: offered
              .filter((c) => c.added.length > 0)
              .map((c) => ({ field: c.field, values: c.added, ...sourceOf(c.provenance) })),
          }),
        );
      }
      out.push({ contactId: u.contactId, changed });
    }
    return out;
  });
}

function sourceOf(p: { source: string; detail?: string } | undefined): { source?: string; detail?: string } {
  return p ? { source: p.source, ...(p.detail ? { detail: p.detail } : {}) } : {};
}
