import type { ProspectorDb } from '../db/database';
import { AppError } from '../errors/app-error';
import { type Candidate, type Contact, type Deal, newActivity, newId, type PageCapture, type Stage } from '../model';
import { firstOpenStage } from './default-stages';
import { findContact } from './find-contact';
import { type CaptureSource, contactFromCandidate, isIdentifiable, mergeCandidate } from './merge';

export interface SaveOptions {
  now: number;
  currency: string;
  owner: string;
  /**
   * Start a deal for each person saved who has no open deal yet. Off, a capture saves leads (contacts) only:
   * a deal is the rep's decision ("Save and start deal", "Start deal", or the setting to start one every time).
   */
  startDeal?: boolean;
  /** The open stage a started deal lands in (a board column's "+"); the first open stage otherwise. */
  stageId?: string;
  /** The rep said "Different person" to a name-and-company match: store each as a new contact, matching no one. */
  asNew?: boolean;
}

export interface SavedContact {
  contactId: string;
  /** The contact's open deal after the save (null: a lead without one). */
  dealId: string | null;
  created: boolean;
  /** A deal was started by this save. */
  dealStarted: boolean;
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
 * profile, or name at company) or becomes a new contact: a lead. A deal starts only when `opts.startDeal` asks
 * (in the first open stage, or `opts.stageId`), and never beside an open one. One read-write transaction covers
 * look-up and write, so concurrent captures of the same person (ten tabs at once) serialise in IndexedDB and end
 * as one contact; a service worker killed mid-way leaves nothing half-written.
 */
export async function saveCapture(db: ProspectorDb, capture: PageCapture, opts: SaveOptions): Promise<SavedContact[]> {
  const src: CaptureSource = { url: capture.url, site: capture.site, at: opts.now };
  return db.transaction('rw', [db.contacts, db.deals, db.stages, db.activities, db.contactIndex], async () => {
    const stageId = opts.startDeal ? dealStage(await db.stages.toArray(), opts.stageId) : null;
    const results: SavedContact[] = [];
    for (const cand of capture.candidates) {
      if (!isIdentifiable(cand)) continue;
      results.push(await saveOne(db, cand, src, stageId, opts));
    }
    return results;
  });
}

/** Where a started deal lands: the stage asked for if it is an open one, else the first open stage. */
export function dealStage(stages: readonly Stage[], wanted?: string): string {
  const asked = wanted ? stages.find((s) => s.id === wanted) : undefined;
  if (wanted && asked?.kind !== 'open') throw new AppError('error_noStage');
  const stage = asked ?? firstOpenStage(stages);
  if (!stage) throw new AppError('error_noOpenStage');
  return stage.id;
}

/** The contact's open, live deal, if any (a lead has none; a closed deal does not count). */
export async function openDealOf(db: ProspectorDb, contactId: string): Promise<Deal | undefined> {
  const deals = await db.deals.where('contactId').equals(contactId).toArray();
  return deals.find((d) => d.deletedAt === null && d.outcome === null);
}

async function saveOne(
  db: ProspectorDb,
  cand: Candidate,
  src: CaptureSource,
  stageId: string | null,
  opts: SaveOptions,
): Promise<SavedContact> {
  const existing = opts.asNew ? undefined : await findContact(db, cand);
  if (existing) {
    const { contact, changed, previous } = mergeCandidate(existing, cand, src);
    let deal = await openDealOf(db, existing.id);
    const dealStarted = !deal && stageId !== null;
    if (dealStarted) {
      deal = newDeal(contact.id, dealTitle(contact), stageId, src, opts);
      await db.deals.add(deal);
      await db.activities.add(newActivity(contact.id, deal.id, 'deal-started', src.at, { stageId }));
    }
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
    } else if (
      contact.honorificPrefix !== existing.honorificPrefix ||
      contact.honorificSuffix !== existing.honorificSuffix
    ) {
      // Only a title or degree the contact lacked: kept, without a timeline entry of its own.
      await db.contacts.put(contact);
    }
    return { contactId: contact.id, dealId: deal?.id ?? null, created: false, dealStarted, changed };
  }
  const contact = contactFromCandidate(cand, src, newId());
  const deal = stageId === null ? null : newDeal(contact.id, dealTitle(contact), stageId, src, opts);
  await db.contacts.add(contact);
  if (deal) await db.deals.add(deal);
  await db.activities.add(
    newActivity(contact.id, deal?.id ?? null, 'captured', src.at, { url: src.url, site: src.site }),
  );
  return { contactId: contact.id, dealId: deal?.id ?? null, created: true, dealStarted: !!deal, changed: [] };
}

/** A new deal's name: the account it is with, else the person. */
export function dealTitle(c: Pick<Contact, 'company' | 'name' | 'emails'>): string {
  return c.company || c.name || c.emails[0] || '';
}
