import { storage } from 'wxt/utils/storage';
import type { ProspectorDb } from '../db/database';
import { dayKey } from '../forecast/calendar';
import type { Deal } from '../model';
import { bantEvidence, latestEmailTexts, latestNoteTexts, suggestBant, suggestionPatch } from './suggest-bant';

/** Deals read and re-suggested per transaction: small enough that a popup's read waits a few ms at most. */
export const BACKFILL_BATCH = 200;

/**
 * Suggestions for every open deal, in batches of their own transactions with a pause between them, so the
 * popup and the board stay responsive while it runs. For deals stored before suggestions were made on every
 * write (lib/pipeline/bant-on-write.ts), and each new day after, since the Timeline suggestion follows the
 * calendar ("closes this month" becomes "slipping" without anyone writing the deal). Only changed deals are
 * written, keeping their updatedAt (a suggestion is not the rep's change). Returns how many deals changed.
 */
export async function backfillBantSuggestions(
  db: ProspectorDb,
  now: number,
  { batch = BACKFILL_BATCH, pause = () => new Promise<void>((r) => setTimeout(r, 20)) } = {},
): Promise<number> {
  const today = dayKey(now, 'local');
  const stages = new Map((await db.stages.toArray()).map((s) => [s.id, s]));
  let after = '';
  let changed = 0;
  for (;;) {
    const done = await db.transaction('rw', [db.deals, db.contacts, db.stages, db.activities], async () => {
      const deals = await db.deals.where(':id').above(after).limit(batch).toArray();
      if (!deals.length) return true;
      after = deals.at(-1)!.id;
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
      changed += next.length;
      return deals.length < batch;
    });
    if (done) return changed;
    await pause();
  }
}

/** The rep's day the suggestions were last brought up to date for every deal ('' never). */
export const bantBackfillDay = storage.defineItem<string>('local:bantSuggestedDay', { fallback: '' });

/** Runs the backfill unless it already ran today. Returns the deals changed (0 when it did not need to run). */
export async function backfillIfDue(db: ProspectorDb, now: number): Promise<number> {
  const today = dayKey(now, 'local');
  if ((await bantBackfillDay.getValue()) === today) return 0;
  const changed = await backfillBantSuggestions(db, now);
  await bantBackfillDay.setValue(today);
  return changed;
}
