import { storage } from 'wxt/utils/storage';
import type { ProspectorDb } from '../db/database';
import { dayKey } from '../forecast/calendar';
import type { Deal, Stage } from '../model';
import { bantEvidence, latestEmailTexts, latestNoteTexts, suggestBant, suggestionPatch } from './suggest-bant';

/** Deals read and re-suggested per transaction: small enough that a popup's read waits a few ms at most. */
export const BACKFILL_BATCH = 100;

export interface BackfillOptions {
  batch?: number;
  /** Resolves when the next batch may start (the background: once no rep's work ran for a while, then 20 ms). */
  pause?: () => Promise<void>;
  /**
   * Subscribes to a rep's work starting (lib/background/work-gate.ts): the batch then under way is rolled back
   * at once, so the rep's capture does not wait behind it, and runs again after `pause`.
   */
  onBusy?: (listener: () => void) => () => void;
}

const shortPause = () => new Promise<void>((resolve) => setTimeout(resolve, 20));

/**
 * Suggestions for every open deal, in batches of their own transactions with a pause between them, each rolled
 * back when a rep's work starts (`onBusy`), so the popup, the board and a capture never wait behind it. For deals stored before suggestions were made on every write (lib/pipeline/bant-on-write.ts), and
 * each new day after, since the Timeline suggestion follows the calendar ("closes this month" becomes "slipping"
 * without anyone writing the deal). Only changed deals are written, keeping their updatedAt (a suggestion is not
 * the rep's change). Returns how many deals changed.
 */
export async function backfillBantSuggestions(
  db: ProspectorDb,
  now: number,
  { batch = BACKFILL_BATCH, pause = shortPause, onBusy }: BackfillOptions = {},
): Promise<number> {
  const today = dayKey(now, 'local');
  const stages = new Map((await db.stages.toArray()).map((s) => [s.id, s]));
  let after = '';
  let changed = 0;
  for (let first = true; ; first = false) {
    if (!first) await pause();
    let stepped = false;
    const step = await db
      .transaction('rw', [db.deals, db.contacts, db.stages, db.activities], async (tx) => {
        const stepAside = onBusy?.(() => {
          stepped = true;
          tx.abort();
        });
        try {
          return await suggestBatch(db, after, batch, stages, today);
        } finally {
          stepAside?.();
        }
      })
      .catch((err: unknown) => {
        if (stepped) return null;
        throw err;
      });
    // Rolled back for a rep's work: the same deals again, once the background is quiet.
    if (!step) continue;
    after = step.last;
    changed += step.changed;
    if (step.done) return changed;
  }
}

/** One batch: the deals after `after`, re-suggested and the changed ones written. */
async function suggestBatch(
  db: ProspectorDb,
  after: string,
  batch: number,
  stages: ReadonlyMap<string, Stage>,
  today: string,
): Promise<{ last: string; changed: number; done: boolean }> {
  const deals = await db.deals.where(':id').above(after).limit(batch).toArray();
  if (!deals.length) return { last: after, changed: 0, done: true };
  const open = deals.filter((d) => d.bant && d.deletedAt === null && d.outcome === null);
  const contactIds = [...new Set(open.map((d) => d.contactId))];
  const [contacts, notes, emails] = await Promise.all([
    db.contacts.bulkGet(contactIds),
    Promise.all(contactIds.map((id) => latestNoteTexts(db, id))),
    Promise.all(contactIds.map((id) => latestEmailTexts(db, id))),
  ]);
  const contactOf = new Map(contactIds.map((id, i) => [id, contacts[i]]));
  const notesOf = new Map(contactIds.map((id, i) => [id, notes[i]!]));
  const emailsOf = new Map(contactIds.map((id, i) => [id, emails[i]!]));
  const next: Deal[] = [];
  for (const deal of open) {
    const evidence = bantEvidence(
      deal,
      contactOf.get(deal.contactId),
      notesOf.get(deal.contactId) ?? [],
      stages.get(deal.stageId)?.forecastCategory,
      today,
      emailsOf.get(deal.contactId) ?? [],
    );
    const patch = suggestionPatch(deal.bant, suggestBant(evidence));
    if (Object.keys(patch).length) next.push({ ...deal, bant: { ...deal.bant, ...patch } });
  }
  if (next.length) await db.deals.bulkPut(next);
  return { last: deals.at(-1)!.id, changed: next.length, done: deals.length < batch };
}

/** The rep's day the suggestions were last brought up to date for every deal ('' never). */
export const bantBackfillDay = storage.defineItem<string>('local:bantSuggestedDay', { fallback: '' });

/** Runs the backfill unless it already ran today. Returns the deals changed (0 when it did not need to run). */
export async function backfillIfDue(db: ProspectorDb, now: number, options?: BackfillOptions): Promise<number> {
  const today = dayKey(now, 'local');
  if ((await bantBackfillDay.getValue()) === today) return 0;
  const changed = await backfillBantSuggestions(db, now, options);
  await bantBackfillDay.setValue(today);
  return changed;
}
