import type { ProspectorDb } from '../db/database';
import { AppError } from '../errors/app-error';
import type { Deal } from '../model';
import { newDeal } from '../pipeline/capture';
import { firstOpenStage } from '../pipeline/default-stages';

export interface NewDealOptions {
  now: number;
  currency: string;
  owner: string;
  title?: string;
}

/**
 * A new open deal for a known contact (the background's answer to 'deal.create'): the popup offers it when
 * the contact's deals are all won or lost, or they have none. Lands in the first open stage, like a capture.
 */
export async function createDealFor(db: ProspectorDb, contactId: string, opts: NewDealOptions): Promise<Deal> {
  return db.transaction('rw', [db.contacts, db.deals, db.stages], async () => {
    const contact = await db.contacts.get(contactId);
    if (!contact || contact.deletedAt !== null) throw new AppError('error_noContact');
    const stage = firstOpenStage(await db.stages.toArray());
    if (!stage) throw new AppError('error_noOpenStage');
    const title = opts.title?.trim() || contact.company || contact.name || contact.emails[0] || '';
    const deal = newDeal(contact.id, title, stage.id, { url: '', site: 'manual', at: opts.now }, opts);
    await db.deals.add(deal);
    return deal;
  });
}
