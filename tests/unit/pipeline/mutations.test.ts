import { describe, expect, it } from 'vitest';
import { Candidate } from '@/lib/model';
import { saveCapture } from '@/lib/pipeline/capture';
import { addNote, completeFollowUp, updateContact, updateDeal } from '@/lib/pipeline/mutations';
import { freshDb } from '../helpers';

const at = Date.UTC(2026, 10, 2);
async function seeded() {
  const db = await freshDb();
  const [s] = await saveCapture(
    db,
    {
      url: 'https://x.test/',
      title: '',
      site: 'web',
      candidates: [Candidate.parse({ name: 'Ann Lee', company: 'Acme' })],
    },
    { now: at, currency: 'USD', owner: '', startDeal: true },
  );
  return { db, contactId: s!.contactId, dealId: s!.dealId! };
}

describe('rep edits', () => {
  it('merges BANT parts one by one and records the change', async () => {
    const { db, dealId } = await seeded();
    await updateDeal(db, dealId, { bant: { need: { level: 3, note: 'pain', confirmed: true } } }, at + 1);
    const d = await updateDeal(
      db,
      dealId,
      { amount: 500_000, bant: { budget: { level: 2, note: '', confirmed: true } } },
      at + 2,
    );
    expect(d.bant.need).toEqual({ level: 3, note: 'pain', confirmed: true });
    expect(d.bant.budget.level).toBe(2);
    expect(d.amount).toBe(500_000);
    const types = (await db.activities.where('dealId').equals(dealId).sortBy('at')).map((a) => a.type);
    expect(types).toEqual(['captured', 'updated', 'updated']);
  });

  it('sets and completes a follow-up, both in the timeline', async () => {
    const { db, dealId } = await seeded();
    await updateDeal(db, dealId, { followUpAt: at + 86_400_000, followUpNote: 'Send deck' }, at + 1);
    expect(
      await db.deals
        .where('followUpAt')
        .below(at + 2 * 86_400_000)
        .count(),
    ).toBe(1);
    await completeFollowUp(db, dealId, at + 2);
    expect((await db.deals.get(dealId))?.followUpAt).toBeNull();
    const done = await db.activities.where('type').equals('follow-up-done').first();
    expect(done?.payload).toMatchObject({ due: at + 86_400_000, note: 'Send deck' });
  });

  it('protects hand-edited fields and keeps dedupe keys current', async () => {
    const { db, contactId } = await seeded();
    const c = await updateContact(db, contactId, { company: 'Globex', tags: ['vip'] }, at + 1);
    expect(c.editedFields).toEqual(['company']);
    expect(c.nameKey).toBe('ann lee|globex');
    expect(c.provenance.company).toEqual({ source: 'manual', at: at + 1 });
  });

  it('adds notes to the timeline, refusing unknown contacts', async () => {
    const { db, contactId, dealId } = await seeded();
    await addNote(db, contactId, dealId, 'Budget approved in Q3', at + 5);
    expect((await db.activities.where('type').equals('note').first())?.payload).toEqual({
      text: 'Budget approved in Q3',
    });
    await expect(addNote(db, 'nobody', null, 'x', at)).rejects.toMatchObject({ parts: [{ key: 'error_noContact' }] });
  });
});
