import { describe, expect, it } from 'vitest';
import { changedFields, fieldsOf, recordFrom, sameValue } from '@/lib/sync/field-times';
import { mergeRecords } from '@/lib/sync/merge';

const deal = {
  id: 'd1',
  contactId: 'c1',
  title: 'Acme',
  stageId: 'prospecting',
  amount: 1000,
  bant: { budget: { level: 1 }, need: { level: 0 } },
  stageEntries: [{ stageId: 'prospecting', at: 1 }],
  updatedAt: 1,
};

describe('field times', () => {
  it('splits plain objects one level deep and builds the record back', () => {
    const f = fieldsOf(deal);
    expect(f.get('bant.budget')).toEqual({ level: 1 });
    expect(recordFrom(f)).toEqual(deal);
  });

  it('names only the fields a write changed', () => {
    const next = { ...deal, amount: 2000, bant: { ...deal.bant, need: { level: 2 } } };
    expect(changedFields(deal, next).sort()).toEqual(['amount', 'bant.need']);
    expect(changedFields(undefined, deal)).toContain('title');
  });
});

describe('mergeRecords', () => {
  it('keeps the newer change of each field, so both reps’ edits to different fields survive', () => {
    const a = { ...deal, amount: 5000, updatedAt: 10 };
    const b = { ...deal, bant: { ...deal.bant, need: { level: 3 } }, updatedAt: 11 };
    const base = Object.fromEntries([...fieldsOf(deal).keys()].map((k) => [k, 1]));
    const ab = mergeRecords(
      'deals',
      { record: a, times: { ...base, amount: 10 } },
      { record: b, times: { ...base, 'bant.need': 11 } },
      base,
    );
    const ba = mergeRecords(
      'deals',
      { record: b, times: { ...base, 'bant.need': 11 } },
      { record: a, times: { ...base, amount: 10 } },
      base,
    );
    expect(ab.record).toMatchObject({
      amount: 5000,
      bant: { budget: { level: 1 }, need: { level: 3 } },
      updatedAt: 11,
    });
    // The same result whichever browser merges.
    expect(ba.record).toEqual(ab.record);
    expect(ab.conflicts).toEqual([]);
  });

  it('reports a field both changed, with both values, and picks the newer', () => {
    const base = { title: 1 };
    const m = mergeRecords(
      'deals',
      { record: { ...deal, title: 'Acme – pilot' }, times: { title: 5 } },
      { record: { ...deal, title: 'Acme – enterprise' }, times: { title: 7 } },
      base,
    );
    expect(m.record.title).toBe('Acme – enterprise');
    expect(m.conflicts).toEqual([{ field: 'title', kept: 'Acme – enterprise', replaced: 'Acme – pilot' }]);
  });

  it('keeps every stage move either rep made', () => {
    const a = { ...deal, stageId: 'demo', stageEntries: [...deal.stageEntries, { stageId: 'demo', at: 5 }] };
    const b = { ...deal, stageId: 'proposal', stageEntries: [...deal.stageEntries, { stageId: 'proposal', at: 7 }] };
    const m = mergeRecords(
      'deals',
      { record: a, times: { stageId: 5, stageEntries: 5 } },
      { record: b, times: { stageId: 7, stageEntries: 7 } },
    );
    expect(m.record.stageId).toBe('proposal');
    expect(m.record.stageEntries).toEqual([
      { stageId: 'prospecting', at: 1 },
      { stageId: 'demo', at: 5 },
      { stageId: 'proposal', at: 7 },
    ]);
  });

  it('lets a hand edit of a contact beat a newer capture, and keeps its provenance', () => {
    const contact = {
      id: 'c1',
      name: 'Jane',
      company: 'Acme',
      emails: [],
      urls: { other: [] },
      jobTitle: 'VP',
      provenance: {},
      editedFields: [],
      updatedAt: 1,
    };
    const edited = {
      ...contact,
      jobTitle: 'Chief Revenue Officer',
      provenance: { jobTitle: { source: 'manual', at: 5 } },
      editedFields: ['jobTitle'],
    };
    const captured = { ...contact, jobTitle: 'VP Sales', provenance: { jobTitle: { source: 'json-ld', at: 9 } } };
    const m = mergeRecords(
      'contacts',
      { record: captured, times: { jobTitle: 9 } },
      { record: edited, times: { jobTitle: 5 } },
    );
    expect(m.record).toMatchObject({
      jobTitle: 'Chief Revenue Officer',
      editedFields: ['jobTitle'],
      provenance: { jobTitle: { source: 'manual' } },
    });
  });
});

describe('sameValue', () => {
  it('compares stored values whatever their keys’ order', () => {
    expect(sameValue({ a: 1, b: [{ c: 2, d: 3 }] }, { b: [{ d: 3, c: 2 }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
  });
});
