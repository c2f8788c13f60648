import type { ProspectorDb } from '../db/database';
import { AppError } from '../errors/app-error';
import { type Activity, type Contact, type Deal, MAX_LIST, newId } from '../model';
import { dealInStage } from './move-deal';

export interface NewDealDefaults {
  currency: string;
  owner: string;
}

function stageActivity(deal: Deal, from: string, to: string, at: number): Activity {
  return {
    id: newId(),
    contactId: deal.contactId,
    dealId: deal.id,
    type: 'stage-changed',
    at,
    payload: { from, to },
  };
}

function blankDeal(contact: Contact, stageId: string, at: number, defaults: NewDealDefaults): Deal {
  return {
    id: newId(),
    contactId: contact.id,
    title: contact.company || contact.name || contact.emails[0] || '',
    stageId,
    amount: null,
    currency: defaults.currency,
    expectedClose: null,
    probability: null,
    forecastCategory: null,
    bant: {
      budget: { level: 0, note: '', confirmed: false },
      authority: { level: 0, note: '', confirmed: false },
      need: { level: 0, note: '', confirmed: false },
      timeline: { level: 0, note: '', confirmed: false },
    },
    owner: defaults.owner,
    source: 'manual',
    stageEntries: [{ stageId, at }],
    followUpAt: null,
    followUpNote: '',
    createdAt: at,
    updatedAt: at,
    closedAt: null,
    outcome: null,
    lostReason: '',
    deletedAt: null,
  };
}

/**
 * Moves every live deal of the selected contacts to `stageId`, each move recorded as a stage change; a selected
 * contact without a deal gets one in that stage (the rep asked for them to be there). One transaction.
 */
export async function moveContactsToStage(
  db: ProspectorDb,
  contactIds: readonly string[],
  stageId: string,
  at: number,
  defaults: NewDealDefaults,
): Promise<{ moved: number; created: number }> {
  return db.transaction('rw', [db.contacts, db.deals, db.stages, db.activities], async () => {
    const stage = await db.stages.get(stageId);
    if (!stage) throw new AppError('error_noStage');
    const contacts = (await db.contacts.bulkGet([...contactIds])).filter(
      (c): c is Contact => !!c && c.deletedAt === null,
    );
    const deals = await db.deals
      .where('contactId')
      .anyOf(contacts.map((c) => c.id))
      .filter((d) => d.deletedAt === null)
      .toArray();
    const withDeal = new Set(deals.map((d) => d.contactId));
    const moving = deals.filter((d) => d.stageId !== stageId);
    const created = contacts.filter((c) => !withDeal.has(c.id)).map((c) => blankDeal(c, stageId, at, defaults));
    await db.deals.bulkPut([...moving.map((d) => dealInStage(d, stage, at)), ...created]);
    await db.activities.bulkAdd(moving.map((d) => stageActivity(d, d.stageId, stageId, at)));
    return { moved: moving.length, created: created.length };
  });
}

/** Adds (or removes) a tag on the selected live contacts. Returns how many changed. */
export async function tagContacts(
  db: ProspectorDb,
  contactIds: readonly string[],
  tag: string,
  remove: boolean,
  at: number,
): Promise<number> {
  const clean = tag.trim();
  if (!clean) throw new AppError('error_tagEmpty');
  const same = (t: string) => t.toLowerCase() === clean.toLowerCase();
  return db.transaction('rw', [db.contacts], async () => {
    const contacts = (await db.contacts.bulkGet([...contactIds])).filter(
      (c): c is Contact => !!c && c.deletedAt === null,
    );
    const changed = contacts
      .filter((c) => (remove ? c.tags.some(same) : !c.tags.some(same) && c.tags.length < MAX_LIST))
      .map((c) => ({ ...c, tags: remove ? c.tags.filter((t) => !same(t)) : [...c.tags, clean], updatedAt: at }));
    await db.contacts.bulkPut(changed);
    return changed.length;
  });
}
