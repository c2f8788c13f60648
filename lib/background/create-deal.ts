import type { ProspectorDb } from '../db/database';
import { AppError } from '../errors/app-error';
import { type Contact, type Deal, newId } from '../model';
import { dealStage, dealTitle, newDeal } from '../pipeline/capture';

export interface NewDealOptions {
  now: number;
  currency: string;
  owner: string;
  title?: string;
  /** An open stage to start in (a board column's "+"); the first open stage otherwise. */
  stageId?: string;
}

/**
 * A new open deal for a known contact (the background's answer to 'deal.create'): "Start deal" on a lead, or a
 * new deal when the contact's deals are all won or lost. Lands in the first open stage unless one is asked for.
 */
export async function createDealFor(db: ProspectorDb, contactId: string, opts: NewDealOptions): Promise<Deal> {
  return db.transaction('rw', [db.contacts, db.deals, db.stages, db.activities], async () => {
    const contact = await db.contacts.get(contactId);
    if (!contact || contact.deletedAt !== null || contact.mergedInto !== null) throw new AppError('error_noContact');
    const stageId = dealStage(await db.stages.toArray(), opts.stageId);
    const title = opts.title?.trim() || dealTitle(contact);
    const deal = newDeal(contact.id, title, stageId, { url: '', site: 'manual', at: opts.now }, opts);
    await db.deals.add(deal);
    await db.activities.add({
      id: newId(),
      contactId: contact.id,
      dealId: deal.id,
      type: 'deal-started',
      at: opts.now,
      payload: { stageId },
    });
    return deal;
  });
}

/**
 * "Start deal" on several contacts (contacts table's bulk bar): a deal in `stageId` (or the first open stage) for
 * each live contact without an open deal; those that have one are left as they are. One transaction.
 */
export async function startDeals(
  db: ProspectorDb,
  contactIds: readonly string[],
  opts: NewDealOptions,
): Promise<{ started: number; already: number }> {
  return db.transaction('rw', [db.contacts, db.deals, db.stages, db.activities], async () => {
    const stageId = dealStage(await db.stages.toArray(), opts.stageId);
    const contacts = await db.contacts.bulkGet([...contactIds]);
    const live = contacts.filter((c) => !!c && c.deletedAt === null && c.mergedInto === null) as Contact[];
    const withOpen = new Set(
      (
        await db.deals
          .where('contactId')
          .anyOf(live.map((c) => c.id))
          .toArray()
      )
        .filter((d) => d.deletedAt === null && d.outcome === null)
        .map((d) => d.contactId),
    );
    const src = { url: '', site: 'manual', at: opts.now };
    const deals = live.filter((c) => !withOpen.has(c.id)).map((c) => newDeal(c.id, dealTitle(c), stageId, src, opts));
    await db.deals.bulkAdd(deals);
    await db.activities.bulkAdd(
      deals.map((d) => ({
        id: newId(),
        contactId: d.contactId,
        dealId: d.id,
        type: 'deal-started' as const,
        at: opts.now,
        payload: { stageId },
      })),
    );
    return { started: deals.length, already: live.length - deals.length };
  });
}
