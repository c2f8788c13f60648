import type { ProspectorDb } from '../db/database';
import { AppError } from '../errors/app-error';
import {
  type Activity,
  CONTACT_FIELDS,
  type Contact,
  type ContactPatch,
  type Deal,
  type DealPatch,
  newActivity,
} from '../model';
import { completeDealFollowUp, setDealFollowUp } from '../tasks/write';
import { withKeys } from './merge';

/**
 * Applies a rep's change to a deal and records it: a follow-up set as follow-up-set, anything else as updated
 * with the fields' names. BANT parts are merged one by one (changing Need leaves Budget as it was).
 */
export async function updateDeal(db: ProspectorDb, dealId: string, patch: DealPatch, at: number): Promise<Deal> {
  return db.transaction('rw', [db.deals, db.activities, db.tasks, db.contacts], async () => {
    const deal = await db.deals.get(dealId);
    if (!deal) throw new AppError('error_noDeal');
    const { bant, followUpAt, followUpNote, ...rest } = patch;
    const next: Deal = { ...deal, ...rest, bant: { ...deal.bant, ...bant }, updatedAt: at };
    await db.deals.put(next);
    // A follow-up is a task (lib/tasks/): setting one moves the deal's next task, clearing it completes it; the
    // deal's own followUpAt is then kept equal to its next open task.
    if (followUpAt !== undefined && followUpAt !== null)
      await setDealFollowUp(db, next, followUpAt, followUpNote ?? deal.followUpNote, at);
    else if (followUpAt === null) await completeDealFollowUp(db, dealId, at);
    const fields = Object.keys(rest).concat(bant ? ['bant'] : []);
    if (fields.length) {
      // What changed, from what to what, so the timeline can say "Amount changed from — to $48,000".
      const changes = Object.keys(rest)
        .filter((k) => deal[k as keyof Deal] !== next[k as keyof Deal])
        .map((field) => ({ field, from: deal[field as keyof Deal] ?? null, to: next[field as keyof Deal] ?? null }));
      for (const part of Object.keys(bant ?? {}) as (keyof Deal['bant'])[]) {
        if (deal.bant[part].level !== next.bant[part].level || deal.bant[part].confirmed !== next.bant[part].confirmed)
          changes.push({ field: `bant.${part}`, from: deal.bant[part].level, to: next.bant[part].level });
      }
      await db.activities.add(
        newActivity(deal.contactId, dealId, 'updated', at, { fields, changes, currency: next.currency }),
      );
    }
    return (await db.deals.get(dealId))!;
  });
}

/** Marks the deal's follow-up done: cleared from the due list, recorded in the timeline. */
export async function completeFollowUp(db: ProspectorDb, dealId: string, at: number): Promise<Deal> {
  return db.transaction('rw', [db.deals, db.activities, db.tasks, db.contacts], async () => {
    if (!(await db.deals.get(dealId))) throw new AppError('error_noDeal');
    await completeDealFollowUp(db, dealId, at);
    return (await db.deals.get(dealId))!;
  });
}

/** Applies a rep's edit to a contact. Edited capture fields are remembered, so a later capture keeps them. */
export async function updateContact(
  db: ProspectorDb,
  contactId: string,
  patch: ContactPatch,
  at: number,
): Promise<Contact> {
  return db.transaction('rw', [db.contacts, db.activities], async () => {
    const contact = await db.contacts.get(contactId);
    if (!contact) throw new AppError('error_noContact');
    const captureFields = Object.keys(patch).filter((k) => (CONTACT_FIELDS as readonly string[]).includes(k));
    const next = withKeys({
      ...contact,
      ...patch,
      editedFields: [...new Set([...contact.editedFields, ...captureFields])],
      provenance: {
        ...contact.provenance,
        ...Object.fromEntries(captureFields.map((f) => [f, { source: 'manual', at }])),
      },
      updatedAt: at,
    });
    await db.contacts.put(next);
    await db.activities.add(newActivity(contactId, null, 'updated', at, { fields: Object.keys(patch), byHand: true }));
    return next;
  });
}

/** A note in the contact's timeline (optionally about one deal). */
export async function addNote(
  db: ProspectorDb,
  contactId: string,
  dealId: string | null,
  text: string,
  at: number,
): Promise<Activity> {
  const note = newActivity(contactId, dealId, 'note', at, { text });
  await db.transaction('rw', [db.contacts, db.activities], async () => {
    if (!(await db.contacts.get(contactId))) throw new AppError('error_noContact');
    await db.activities.add(note);
  });
  return note;
}
