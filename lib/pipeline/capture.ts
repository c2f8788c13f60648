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
    const people = capture.candidates.filter(isIdentifiable);
    // The stages (for a deal) are read alongside the first person's look-up: every await in the transaction is a
    // round trip to the database, and the rep waits for each one in a row.
    const [stages, firstMatch] = await Promise.all([
      opts.startDeal ? db.stages.toArray() : null,
      people[0] ? lookUp(db, people[0], opts) : undefined,
    ]);
    const stageId = stages ? dealStage(stages, opts.stageId) : null;
    const results: SavedContact[] = [];
    // One after another: a person twice on a page is found the second time as the contact the first made.
    for (const [i, cand] of people.entries()) {
      const existing = i === 0 ? firstMatch : await lookUp(db, cand, opts);
      results.push(await saveOne(db, cand, existing, src, stageId, opts));
    }
    return results;
  });
}

/** The stored contact a candidate is, unless the rep said it is someone new. */
function lookUp(db: ProspectorDb, cand: Candidate, opts: SaveOptions): Promise<Contact | undefined> {
  return opts.asNew ? Promise.resolve(undefined) : findContact(db, cand);
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
  existing: Contact | undefined,
  src: CaptureSource,
  stageId: string | null,
  opts: SaveOptions,
): Promise<SavedContact> {
  if (existing) {
    const { contact, changed, previous } = mergeCandidate(existing, cand, src);
    // A title or degree the contact lacked is kept too, without a timeline entry of its own.
    const write =
      changed.length > 0 ||
      contact.honorificPrefix !== existing.honorificPrefix ||
      contact.honorificSuffix !== existing.honorificSuffix;
    // The contact is written while its open deal is looked up, and before a deal is started, so the new deal's
    // BANT suggestions read the contact as it now is (lib/pipeline/bant-on-write.ts).
    let [deal] = await Promise.all([openDealOf(db, existing.id), write ? db.contacts.put(contact) : undefined]);
    const dealStarted = !deal && stageId !== null;
    if (dealStarted) deal = newDeal(contact.id, dealTitle(contact), stageId, src, opts);
    const activities = [
      ...(dealStarted ? [newActivity(contact.id, deal!.id, 'deal-started', src.at, { stageId })] : []),
      // The activity says what the capture changed and what it replaced, so the rep can see (and undo by hand).
      ...(changed.length
        ? [
            newActivity(contact.id, deal?.id ?? null, 'updated', src.at, {
              url: src.url,
              site: src.site,
              fields: changed,
              previous,
            }),
          ]
        : []),
    ];
    await Promise.all([
      dealStarted ? db.deals.add(deal!) : undefined,
      activities.length ? db.activities.bulkAdd(activities) : undefined,
    ]);
    return { contactId: contact.id, dealId: deal?.id ?? null, created: false, dealStarted, changed };
  }
  const contact = contactFromCandidate(cand, src, newId());
  const deal = stageId === null ? null : newDeal(contact.id, dealTitle(contact), stageId, src, opts);
  // Asked for together, in this order: a transaction answers its requests in the order they were made, so the
  // deal's BANT suggestions (lib/pipeline/bant-on-write.ts reads the deal's contact) find the contact written.
  await Promise.all([
    db.contacts.add(contact),
    deal ? db.deals.add(deal) : undefined,
    db.activities.add(newActivity(contact.id, deal?.id ?? null, 'captured', src.at, { url: src.url, site: src.site })),
  ]);
  return { contactId: contact.id, dealId: deal?.id ?? null, created: true, dealStarted: !!deal, changed: [] };
}

/** A new deal's name: the account it is with, else the person. */
export function dealTitle(c: Pick<Contact, 'company' | 'name' | 'emails'>): string {
  return c.company || c.name || c.emails[0] || '';
}
