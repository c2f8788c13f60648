import { describe, expect, it } from 'vitest';
import { bantFromText, sentences } from '@/lib/pipeline/bant-from-text';

/** Texts the contact wrote themself. */
const own = (...texts: string[]) => texts.map((text) => ({ text, byContact: true }));

import { suggestBant } from '@/lib/pipeline/suggest-bant';

const base = {
  jobTitle: '',
  amount: null,
  committed: false,
  expectedClose: null,
  notes: [],
  tags: [],
  today: '2025-01-10',
};

describe('BANT from what prospects wrote', () => {
  it('reads budget, decision maker, dates and urgency in English, quoting the sentence', () => {
    const found = bantFromText(
      own(
        "Hi Rizal, I'm the budget owner for this project. The pilot pricing works for us; can we move the start to 1 July and invoice quarterly? We need it ASAP.",
      ),
    );
    expect(found.budget).toEqual({
      level: 2,
      signal: 'budget-stated',
      quote: "I'm the budget owner for this project.",
    });
    // The greeting is not part of the quote.
    expect(found.authority).toEqual({
      level: 3,
      signal: 'decision-maker',
      quote: "I'm the budget owner for this project.",
    });
    expect(found.timeline).toMatchObject({ level: 2, signal: 'date', quote: expect.stringContaining('1 July') });
    expect(found.need).toEqual({ level: 3, signal: 'urgent', quote: 'We need it ASAP.' });
  });

  it('reads the same in Bahasa Indonesia', () => {
    const found = bantFromText(
      own(
        'Saya yang memutuskan untuk proyek ini, dan anggaran Rp 250 juta sudah disetujui direksi. Kami ingin mulai bulan depan, jadi mohon segera kirim draf kontraknya.',
      ),
    );
    expect(found.authority).toMatchObject({ level: 3, signal: 'decision-maker' });
    expect(found.budget).toMatchObject({ level: 3, signal: 'budget-approved' });
    expect(found.budget!.quote).toContain('Rp 250 juta');
    expect(found.timeline).toMatchObject({ level: 2, signal: 'date' });
    expect(found.need).toMatchObject({ level: 3, signal: 'urgent' });
  });

  it('reads amounts, refusals and near dates', () => {
    expect(bantFromText(own('We can spend about $48,000 this year.')).budget).toMatchObject({ level: 2 });
    expect(bantFromText(own('Sadly there is no budget until next year.')).budget).toMatchObject({
      level: 1,
      signal: 'budget-none',
    });
    expect(bantFromText(own("I'm not the decision maker, I need approval from our CFO.")).authority).toMatchObject({
      level: 1,
    });
    expect(bantFromText(own('Can we sign this week?')).timeline).toMatchObject({ level: 3, signal: 'date-near' });
    expect(bantFromText(own('Perlu persetujuan direksi dulu.')).authority).toMatchObject({ level: 1 });
  });

  it('says nothing about what the text does not mention', () => {
    expect(bantFromText(own('Thanks, talk soon.', 'Terima kasih, sampai jumpa.'))).toEqual({});
    expect(bantFromText(own())).toEqual({});
  });

  it("takes a decision maker only from the contact's own words", () => {
    const colleague = [{ text: "I'm the budget owner here.", byContact: false }];
    expect(bantFromText(colleague).authority).toBeUndefined();
    expect(bantFromText(colleague).budget).toMatchObject({ level: 2 });
  });

  it('the newest text decides a part', () => {
    const found = bantFromText(own('Budget is approved.', 'There is no budget.'));
    expect(found.budget).toMatchObject({ level: 3, quote: 'Budget is approved.' });
  });

  it('splits sentences at a stop followed by a space, not inside amounts', () => {
    expect(sentences('Rp 1.5 juta. OK!\nNext line')).toEqual(['Rp 1.5 juta.', 'OK!', 'Next line']);
  });

  it('runs in linear time on hostile text', () => {
    const start = performance.now();
    bantFromText(own(`${'1 '.repeat(20_000)}${'budget '.repeat(5000)}`, 'i'.repeat(50_000), '$'.repeat(50_000)));
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

describe('suggestBant with logged emails', () => {
  it('suggests from the email where the record says less, and quotes it as the reason', () => {
    const s = suggestBant({ ...base, emails: own("I'm the budget owner for this project.") });
    expect(s.budget).toEqual({
      level: 2,
      reason: {
        part: 'budget',
        from: 'email',
        signal: 'budget-stated',
        quote: "I'm the budget owner for this project.",
      },
    });
    expect(s.authority?.level).toBe(3);
  });

  it('keeps the record where it says more (an amount committed)', () => {
    const s = suggestBant({ ...base, amount: 100, committed: true, emails: own('Our budget is tight.') });
    expect(s.budget).toEqual({ level: 3, reason: { part: 'budget', amountSet: true, committed: true } });
  });
});
