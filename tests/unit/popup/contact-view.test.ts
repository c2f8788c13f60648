import { describe, expect, it } from 'vitest';
import { createDealFor } from '@/lib/background/create-deal';
import { newDeal } from '@/lib/pipeline/capture';
import { contactFromCandidate } from '@/lib/pipeline/merge';
import { moveDeal } from '@/lib/pipeline/move-deal';
import { addNote } from '@/lib/pipeline/mutations';
import { loadContactView, orderDeals } from '@/lib/popup/contact-view';
import { freshDb } from '../helpers';

const src = { url: 'https://x.test', site: 'web', at: 1000 };
const opts = { now: 1000, currency: 'USD', owner: 'Ayu' };

async function seed() {
  const db = await freshDb();
  const cand = {
    name: 'Dewi',
    givenName: '',
    familyName: '',
    jobTitle: '',
    company: 'Acme',
    emails: ['d@acme.test'],
    phones: [],
    urls: [],
    linkedinUrl: '',
    location: '',
    provenance: {},
    confidence: 1,
  };
  await db.contacts.add(contactFromCandidate(cand, src, 'c1'));
  await db.contacts.add(contactFromCandidate({ ...cand, emails: ['other@acme.test'] }, src, 'c2'));
  return db;
}

/** Where and when an activity of Dewi's (c1) happened. */
const at = (n: number) => ({ contactId: 'c1', dealId: null, at: n });

/** A thread logged on Dewi, in which she wrote `text`. */
const loggedEmail = (id: string, when: number, text: string) => ({
  id,
  ...at(when),
  type: 'email-logged' as const,
  payload: { subject: 'Budget', from: 'd@acme.test', messages: [{ from: 'd@acme.test', text }] },
});

describe('loadContactView', () => {
  it("reads the contact's deals (open first), last activity and newest notes", async () => {
    const db = await seed();
    const a = { ...newDeal('c1', 'Later', 'demo', src, opts), expectedClose: '2026-09-01' };
    const b = { ...newDeal('c1', 'Sooner', 'prospecting', src, opts), expectedClose: '2026-06-01' };
    const c = newDeal('c1', 'Closed', 'prospecting', src, opts);
    const deleted = { ...newDeal('c1', 'Deleted', 'prospecting', src, opts), deletedAt: 5 };
    const others = newDeal('c2', 'Not hers', 'prospecting', src, opts);
    await db.deals.bulkAdd([a, b, c, deleted, others]);
    await moveDeal(db, c.id, 'won', 2000);
    await addNote(db, 'c1', a.id, 'first note', 3000);
    await addNote(db, 'c1', null, 'second note', 4000);
    await addNote(db, 'c2', null, 'her colleague', 5000);

    const view = (await loadContactView(db, 'c1'))!;
    expect(view.contact.id).toBe('c1');
    expect(view.deals.map((d) => d.title)).toEqual(['Sooner', 'Later', 'Closed']);
    expect(view.lastActivity?.payload).toEqual({ text: 'second note' });
    expect(view.latestNote?.payload).toEqual({ text: 'second note' });
    expect(view.noteTexts).toEqual(['second note', 'first note']);
    expect(await loadContactView(db, 'nobody')).toBeNull();
  });

  it('reads the newest 20 notes and the logged emails older than them, the newest activity first', async () => {
    const db = await seed();
    await db.activities.add(loggedEmail('mail', 100, 'I own the budget.'));
    for (let i = 1; i <= 25; i++) await addNote(db, 'c1', null, `note ${i}`, 1000 + i);
    await db.activities.add({ id: 'other', ...at(5000), type: 'captured', payload: { url: 'x', site: 'web' } });
    const view = (await loadContactView(db, 'c1'))!;
    expect(view.lastActivity?.id).toBe('other');
    expect(view.latestNote?.payload).toEqual({ text: 'note 25' });
    expect(view.noteTexts).toHaveLength(20);
    expect(view.noteTexts.at(-1)).toBe('note 6');
    expect(view.emailTexts.length).toBeGreaterThan(0);
  });

  it('finds notes and logged emails behind a long run of other activities (past the first page read)', async () => {
    const db = await seed();
    await db.activities.add(loggedEmail('old-mail', 10, 'We have budget.'));
    await addNote(db, 'c1', null, 'old note', 20);
    const moves = Array.from({ length: 150 }, (_, i) => ({
      id: `m${i}`,
      ...at(1000 + i),
      type: 'captured' as const,
      payload: { url: 'x', site: 'web' },
    }));
    await db.activities.bulkAdd(moves);
    const view = (await loadContactView(db, 'c1'))!;
    expect(view.lastActivity?.id).toBe('m149');
    expect(view.noteTexts).toEqual(['old note']);
    expect(view.emailTexts.map((e) => e.text)).toEqual(['We have budget.']);
  });

  it('follows a merge and hides a deleted contact', async () => {
    const db = await seed();
    await db.contacts.update('c2', { mergedInto: 'c1' });
    expect((await loadContactView(db, 'c2'))?.contact.id).toBe('c1');
    await db.contacts.update('c1', { deletedAt: 9 });
    expect(await loadContactView(db, 'c1')).toBeNull();
  });

  it('orders closed deals latest first', () => {
    const d = (title: string, closedAt: number | null, outcome: 'won' | 'lost' | null) => ({
      ...newDeal('c1', title, 'x', src, opts),
      closedAt,
      outcome,
    });
    expect(orderDeals([d('old', 1, 'won'), d('open', null, null), d('new', 5, 'lost')]).map((x) => x.title)).toEqual([
      'open',
      'new',
      'old',
    ]);
  });
});

describe('createDealFor', () => {
  it('opens a new deal in the first open stage, titled after the company', async () => {
    const db = await seed();
    const deal = await createDealFor(db, 'c1', { ...opts, now: 7000 });
    expect(deal).toMatchObject({
      contactId: 'c1',
      stageId: 'prospecting',
      title: 'Acme',
      currency: 'USD',
      owner: 'Ayu',
    });
    expect(deal.stageEntries).toEqual([{ stageId: 'prospecting', at: 7000 }]);
    expect(await db.deals.get(deal.id)).toEqual(deal);
    expect((await createDealFor(db, 'c1', { ...opts, title: ' Renewal ' })).title).toBe('Renewal');
    await expect(createDealFor(db, 'nobody', opts)).rejects.toMatchObject({ parts: [{ key: 'error_noContact' }] });
  });
});
