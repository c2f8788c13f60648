import type { ProspectorDb } from '../db/database';
import { AppError } from '../errors/app-error';
import { type Candidate, type Deal, newActivity, newId, type PageCapture } from '../model';
import { firstOpenStage } from './default-stages';
import { findContact } from './find-contact';
import { type CaptureSource, contactFromCandidate, isIdentifiable, mergeCandidate } from './merge';

export interface SaveOptions {
  now: number;
  currency: string;
  owner: string;
}

export interface SavedContact {
  contactId: string;
  dealId: string | null;
  created: boolean;
  changed: string[];
}

export function newDeal(
  contactId: string,
  title: string,
  stageId: string,
  src: CaptureSource,
  opts: SaveOptions,
): Deal {
  return {
    id: newId(),
    contactId,
    title,
    stageId,
    amount: null,
    currency: opts.currency,
    expectedClose: null,
    probability: null,
    forecastCategory: null,
    bant: {
      budget: { level: 0, note: '', confirmed: false },
      authority: { level: 0, note: '', confirmed: false },
      need: { level: 0, note: '', confirmed: false },
      timeline: { level: 0, note: '', confirmed: false },
    },
    owner: opts.owner,
    source: src.site,
    stageEntries: [{ stageId, at: src.at }],
    followUpAt: null,
    followUpNote: '',
    createdAt: src.at,
    updatedAt: src.at,
    closedAt: null,
    outcome: null,
    lostReason: '',
    deletedAt: null,
  };
}

/**
 * Stores the people of one capture: each is merged into the contact it already is (same email, LinkedIn
 * profile, or name at company) or becomes a new contact with a deal in the first open stage. One read-write
 * transaction covers look-up and write, so concurrent captures of the same person (ten tabs at once) serialise
 * in IndexedDB and end as one contact; a service worker killed mid-way leaves nothing half-written.
 */
export async function saveCapture(db: ProspectorDb, capture: PageCapture, opts: SaveOptions): Promise<SavedContact[]> {
  const src: CaptureSource = { url: capture.url, site: capture.site, at: opts.now };
  return db.transaction('rw', [db.contacts, db.deals, db.stages, db.activities], async () => {
    const stage = firstOpenStage(await db.stages.toArray());
    if (!stage) throw new AppError('error_noOpenStage');
    const results: SavedContact[] = [];
    for (const cand of capture.candidates) {
      if (!isIdentifiable(cand)) continue;
      results.push(await saveOne(db, cand, src, stage.id, opts));
    }
    return results;
  });
}

async function saveOne(
  db: ProspectorDb,
  cand: Candidate,
  src: CaptureSource,
  stageId: string,
  opts: SaveOptions,
): Promise<SavedContact> {
  const existing = await findContact(db, {
    emails: cand.emails,
    linkedinUrl: cand.linkedinUrl || cand.urls.find((u) => u.includes('linkedin.com/in/')),
    name: cand.name,
    company: cand.company,
  });
  if (existing) {
    const { contact, changed, previous } = mergeCandidate(existing, cand, src);
    const deal = await db.deals.where('contactId').equals(existing.id).first();
    if (changed.length) {
      await db.contacts.put(contact);
      // The activity says what the capture changed and what it replaced, so the rep can see (and undo by hand).
      await db.activities.add(
        newActivity(contact.id, deal?.id ?? null, 'updated', src.at, {
          url: src.url,
          site: src.site,
          fields: changed,
          previous,
        }),
      );
    }
    return { contactId: contact.id, dealId: deal?.id ?? null, created: false, changed };
  }
  const contact = contactFromCandidate(cand, src, newId());
  const deal = newDeal(contact.id, contact.company || contact.name || contact.emails[0] || '', stageId, src, opts);
  await db.contacts.add(contact);
  await db.deals.add(deal);
  await db.activities.add(newActivity(contact.id, deal.id, 'captured', src.at, { url: src.url, site: src.site }));
  return { contactId: contact.id, dealId: deal.id, created: true, changed: [] };
}
