import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dayKey } from '@/lib/forecast/calendar';
import type { Bant } from '@/lib/model';
import { newDeal } from '@/lib/pipeline/capture';
import { contactFromCandidate } from '@/lib/pipeline/merge';
import { addNote, updateDeal } from '@/lib/pipeline/mutations';
import {
  type BantEvidence,
  latestNoteTexts,
  refreshBantSuggestions,
  suggestBant,
  suggestionPatch,
  timelineBucket,
} from '@/lib/pipeline/suggest-bant';
import { freshDb } from '../helpers';

const evidence = (e: Partial<BantEvidence> = {}): BantEvidence => ({
  jobTitle: '',
  amount: null,
  committed: false,
  expectedClose: null,
  notes: [],
  tags: [],
  today: '2026-05-20',
  ...e,
});
const part = (level: number, confirmed = false) => ({ level, note: '', confirmed });
const bant = (b: number, a: number, n: number, t: number, confirmed = false): Bant => ({
  budget: part(b, confirmed),
  authority: part(a, confirmed),
  need: part(n, confirmed),
  timeline: part(t, confirmed),
});

describe('timelineBucket', () => {
  it('reads the expected close against the calendar month and quarter', () => {
    expect(timelineBucket(null, '2026-05-20')).toBe('none');
    expect(timelineBucket('2026-05-20', '2026-05-20')).toBe('month');
    expect(timelineBucket('2026-05-31', '2026-05-20')).toBe('month');
    expect(timelineBucket('2026-06-30', '2026-05-20')).toBe('quarter');
    expect(timelineBucket('2026-07-01', '2026-05-20')).toBe('later');
    expect(timelineBucket('2027-05-20', '2026-05-20')).toBe('later');
    expect(timelineBucket('2026-05-19', '2026-05-20')).toBe('past');
    // Quarter boundaries: March is Q1, April is Q2.
    expect(timelineBucket('2026-04-02', '2026-03-30')).toBe('later');
    expect(timelineBucket('2026-12-31', '2026-10-01')).toBe('quarter');
  });
});

describe('suggestBant', () => {
  it('suggests Authority from the title and nothing from an unknown title', () => {
    expect(suggestBant(evidence({ jobTitle: 'Direktur Utama' })).authority).toEqual({
      level: 3,
      reason: { part: 'authority', seniority: 'c-level', title: 'Direktur Utama' },
    });
    expect(suggestBant(evidence({ jobTitle: 'Kepala Pembelian' })).authority?.level).toBe(2);
    expect(suggestBant(evidence({ jobTitle: 'Staf' })).authority?.level).toBe(1);
    expect(suggestBant(evidence({ jobTitle: 'Nusantara Logistics' })).authority).toBeUndefined();
  });

  it('suggests Timeline from the expected close date', () => {
    const level = (expectedClose: string | null) => suggestBant(evidence({ expectedClose })).timeline?.level;
    expect(level('2026-05-28')).toBe(3);
    expect(level('2026-06-15')).toBe(2);
    expect(level('2026-09-01')).toBe(1);
    expect(level('2026-01-01')).toBe(1);
    expect(level(null)).toBe(0);
  });

  it('suggests Budget from the amount being set, strongest when committed', () => {
    expect(suggestBant(evidence()).budget).toEqual({
      level: 0,
      reason: { part: 'budget', amountSet: false, committed: false },
    });
    expect(suggestBant(evidence({ amount: 1_000_000 })).budget?.level).toBe(2);
    expect(suggestBant(evidence({ amount: 1_000_000, committed: true })).budget?.level).toBe(3);
    expect(suggestBant(evidence({ amount: 0, committed: true })).budget?.level).toBe(3);
    expect(suggestBant(evidence({ amount: null, committed: true })).budget?.level).toBe(0);
  });

  it('suggests Need from a flag or the newest note that speaks of it, in English and Indonesian', () => {
    const need = (e: Partial<BantEvidence>) => suggestBant(evidence(e)).need;
    expect(need({})).toBeUndefined();
    expect(need({ notes: ['Spoke on the phone.'] })).toBeUndefined();
    expect(need({ tags: ['Priority'] })?.level).toBe(3);
    expect(need({ notes: ['They are looking for a new WMS.'] })).toMatchObject({
      level: 2,
      reason: { from: 'notes', strength: 'stated' },
    });
    expect(need({ notes: ['Mereka butuh sistem gudang baru.'] })?.level).toBe(2);
    expect(need({ notes: ['Go-live deadline is June, they must switch ASAP.'] })?.level).toBe(3);
    expect(need({ notes: ['Harus segera diganti.'] })?.level).toBe(3);
    expect(need({ notes: ['Not interested this year.'] })?.level).toBe(1);
    expect(need({ notes: ['Saat ini tidak butuh.'] })?.level).toBe(1);
    // Newest first: the latest word wins.
    expect(need({ notes: ['Now they need it after all.', 'Not interested.'] })?.level).toBe(2);
    const long = `${'x'.repeat(100)} we need a faster way ${'y'.repeat(100)}`;
    expect(need({ notes: [long] })?.reason).toMatchObject({ excerpt: expect.stringMatching(/^….*need.*…$/) });
  });
});

describe('suggestionPatch', () => {
  it('changes only unconfirmed parts whose suggested level differs', () => {
    const s = suggestBant(evidence({ jobTitle: 'CEO', amount: 5, expectedClose: '2026-05-25' }));
    expect(suggestionPatch(bant(0, 0, 0, 0), s)).toEqual({
      budget: part(2),
      authority: part(3),
      timeline: part(3),
    });
    expect(suggestionPatch(bant(2, 3, 0, 3), s)).toEqual({});
    expect(suggestionPatch(bant(0, 0, 0, 0, true), s)).toEqual({});
    const kept = { ...bant(0, 1, 0, 0), authority: { level: 1, note: 'met the CEO', confirmed: false } };
    expect(suggestionPatch(kept, s).authority).toEqual({ level: 3, note: 'met the CEO', confirmed: false });
  });
});

describe('refreshBantSuggestions', () => {
  const now = Date.UTC(2026, 4, 20, 5);
  const src = { url: 'https://example.com', site: 'web', at: now };
  // Every write suggests on the day it is made (lib/pipeline/bant-on-write.ts): that day is the test's.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(now);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  async function seed(jobTitle: string) {
    const db = await freshDb();
    const contact = contactFromCandidate(
      {
        name: 'Dewi Lestari',
        givenName: '',
        familyName: '',
        jobTitle,
        company: 'Nusantara Logistics',
        emails: ['dewi@example.com'],
        phones: [],
        urls: [],
        linkedinUrl: '',
        location: '',
        provenance: {},
        confidence: 0.9,
      },
      src,
      'c1',
    );
    await db.contacts.add(contact);
    const deal = newDeal('c1', 'Nusantara', 'prospecting', src, { now, currency: 'IDR', owner: '' });
    await db.deals.add(deal);
    return { db, deal };
  }

  it('stores suggestions unconfirmed, without a timeline entry, and leaves confirmed parts alone', async () => {
    const { db, deal } = await seed('Head of Procurement');
    await updateDeal(db, deal.id, { amount: 50_000_000, bant: { need: part(3, true) } }, now);
    await addNote(db, 'c1', deal.id, 'Butuh sistem baru', now);
    const activitiesBefore = await db.activities.count();

    // The writes stored the suggestions already; a refresh on a later day moves only what the day changes.
    expect(await refreshBantSuggestions(db, deal.id, now, '2026-05-20')).toEqual([]);
    const stored = (await db.deals.get(deal.id))!;
    expect(stored.bant).toEqual({
      budget: part(2),
      authority: part(2),
      need: part(3, true),
      timeline: part(0),
    });
    expect(await db.activities.count()).toBe(activitiesBefore);
    // Idempotent: nothing left to change.
    expect(await refreshBantSuggestions(db, deal.id, now, '2026-05-20')).toEqual([]);
  });

  it('reads Need from the newest notes and leaves closed deals as they were', async () => {
    const { db, deal } = await seed('');
    await addNote(db, 'c1', deal.id, 'Spoke on the phone.', now - 2000);
    await addNote(db, 'c1', null, 'Urgent: their old system dies in June.', now - 1000);
    expect(await latestNoteTexts(db, 'c1')).toEqual(['Urgent: their old system dies in June.', 'Spoke on the phone.']);
    // Stored when the note was added; a refresh finds it done.
    expect((await db.deals.get(deal.id))!.bant.need).toEqual(part(3));
    expect(await refreshBantSuggestions(db, deal.id, now, '2026-05-20')).toEqual([]);
    await updateDeal(db, deal.id, { expectedClose: '2026-05-30' }, now);
    vi.setSystemTime(Date.UTC(2026, 5, 2, 5));
    expect(await refreshBantSuggestions(db, deal.id, Date.now(), '2026-06-02')).toEqual(['timeline']);
    expect((await db.deals.get(deal.id))!.bant.timeline).toEqual(part(1));

    await db.deals.update(deal.id, { outcome: 'lost', bant: bant(0, 0, 0, 0) });
    expect(await refreshBantSuggestions(db, deal.id, now, '2026-05-20')).toEqual([]);
    await expect(refreshBantSuggestions(db, 'nope', now)).rejects.toMatchObject({ parts: [{ key: 'error_noDeal' }] });
  });

  it('formats the local day', () => {
    expect(dayKey(new Date(2026, 0, 5, 23, 30).getTime(), 'local')).toBe('2026-01-05');
  });
});
