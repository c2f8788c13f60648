import { describe, expect, it } from 'vitest';
import { Candidate as CandidateSchema, DEFAULT_SETTINGS, Settings } from '@/lib/model';
import { DEFAULT_PIPELINE, stagesFromTemplate } from '@/lib/pipeline/default-stages';
import {
  contactForm,
  contactPatch,
  dealForm,
  dealPatch,
  FormError,
  invalidEmails,
  parseEmails,
  parsePhones,
} from '@/lib/popup/edits';
import { POPUP_DEFAULTS, popupSettingsFrom } from '@/lib/popup/quick-settings';
import { editedCandidate, editedFields, reviewContactPatch, reviewValues } from '@/lib/popup/review';
import { lostStage, nextStage, reopenStage, wonStage } from '@/lib/popup/stage-moves';

describe('popupSettingsFrom (the popup reads settings without zod)', () => {
  it('has the model defaults, and repairs each field as loadSettings would', () => {
    const { locale, currency, bantWeights, followUpDays, dealOnCapture } = DEFAULT_SETTINGS;
    expect(POPUP_DEFAULTS).toEqual({ locale, currency, bantWeights, followUpDays, dealOnCapture });
    expect(popupSettingsFrom(undefined)).toEqual(POPUP_DEFAULTS);
    expect(popupSettingsFrom('junk')).toEqual(POPUP_DEFAULTS);
    const stored = Settings.parse({
      locale: 'id',
      currency: 'IDR',
      followUpDays: 7,
      bantWeights: { budget: 40, authority: 30, need: 20, timeline: 10 },
      dealOnCapture: true,
    });
    expect(popupSettingsFrom(stored)).toEqual({
      locale: 'id',
      currency: 'IDR',
      followUpDays: 7,
      bantWeights: { budget: 40, authority: 30, need: 20, timeline: 10 },
      dealOnCapture: true,
    });
    expect(
      popupSettingsFrom({
        locale: 'fr',
        currency: 'usd',
        followUpDays: 1.5,
        bantWeights: { budget: 500, authority: 1, need: 1, timeline: 1 },
        dealOnCapture: 'yes',
      }),
    ).toEqual(POPUP_DEFAULTS);
  });
});

describe('edit forms', () => {
  it('parses lists and validates emails', () => {
    expect(parseEmails('a@x.test, b@x.test;\nA@X.test  c@x.test')).toEqual(['a@x.test', 'b@x.test', 'c@x.test']);
    expect(parsePhones('+62 21 555 0123\n+62 21 555 0123, 0812-3456')).toEqual(['+62 21 555 0123', '0812-3456']);
    expect(invalidEmails(['a@x.test', 'nope', 'x@y'])).toEqual(['nope', 'x@y']);
  });

  it('sends only the contact fields the rep changed', () => {
    const before = contactForm({
      name: 'Dewi',
      jobTitle: 'Head',
      company: 'Acme',
      emails: ['d@acme.test'],
      phones: [],
      location: '',
    });
    expect(contactPatch(before, { ...before, name: ' Dewi ' })).toEqual({});
    expect(contactPatch(before, { ...before, jobTitle: 'CEO', emails: 'd@acme.test\nd2@acme.test' })).toEqual({
      jobTitle: 'CEO',
      emails: ['d@acme.test', 'd2@acme.test'],
    });
  });

  it('turns the amount into minor units of the currency and rejects what is not an amount', () => {
    const before = dealForm({ title: 'Pilot', amount: 1_500_000, currency: 'USD', expectedClose: null });
    expect(before.amount).toBe('15000');
    expect(dealPatch(before, before)).toEqual({});
    expect(dealPatch(before, { ...before, amount: '12000.5', expectedClose: '2026-06-30' })).toEqual({
      amount: 1_200_050,
      expectedClose: '2026-06-30',
    });
    expect(dealPatch(before, { ...before, amount: '' })).toEqual({ amount: null });
    expect(dealPatch(before, { ...before, currency: 'jpy' })).toEqual({ currency: 'JPY', amount: 15000 });
    expect(() => dealPatch(before, { ...before, amount: '-5' })).toThrow(FormError);
    expect(() => dealPatch(before, { ...before, amount: '1e400' })).toThrow(FormError);
    expect(() => dealPatch(before, { ...before, currency: 'RUPIAH' })).toThrow(FormError);
  });
});

describe('review form', () => {
  const found = CandidateSchema.parse({
    name: 'Rina Kusuma',
    givenName: 'Rina',
    familyName: 'Kusuma',
    jobTitle: 'Kepala Pembelian',
    emails: ['rina@kopi.test'],
    provenance: { name: { source: 'h-card', detail: 'p-name' }, jobTitle: { source: 'h-card' } },
  });

  it('knows which fields the rep changed and marks them as theirs', () => {
    const values = { ...reviewValues(found), jobTitle: 'Direktur Pembelian', emails: ' rina@kopi.test \n' };
    expect(editedFields(reviewValues(found), values)).toEqual(['jobTitle']);
    const next = editedCandidate(found, values);
    expect(next.jobTitle).toBe('Direktur Pembelian');
    expect(next.provenance.jobTitle).toEqual({ source: 'manual' });
    expect(next.provenance.name).toEqual({ source: 'h-card', detail: 'p-name' });
    expect(next.givenName).toBe('Rina');
    const renamed = editedCandidate(found, { ...values, name: 'Rina K.' });
    expect([renamed.givenName, renamed.familyName]).toEqual(['', '']);
  });

  it('builds the contact.update for the edited fields, the LinkedIn URL in its profile slot', () => {
    const values = { ...reviewValues(found), jobTitle: ' CEO ', linkedinUrl: 'https://id.linkedin.com/in/rina-k?x=1' };
    expect(
      reviewContactPatch(['jobTitle', 'linkedinUrl'], values, {
        website: 'https://kopi.test',
        linkedin: 'https://www.linkedin.com/in/old/',
        other: [],
      }),
    ).toEqual({
      jobTitle: 'CEO',
      urls: { website: 'https://kopi.test', linkedin: 'https://www.linkedin.com/in/rina-k/', other: [] },
    });
    expect(reviewContactPatch(['linkedinUrl'], { ...values, linkedinUrl: '' }, { linkedin: 'x', other: [] })).toEqual({
      urls: { other: [] },
    });
  });
});

describe('stage moves', () => {
  const stages = stagesFromTemplate(DEFAULT_PIPELINE, (k) => k).reverse();
  it('moves an open deal to the next open stage, from the last one to won', () => {
    expect(nextStage(stages, { stageId: 'prospecting', outcome: null })?.id).toBe('initial_contact');
    expect(nextStage(stages, { stageId: 'closing', outcome: null })?.id).toBe('won');
    expect(nextStage(stages, { stageId: 'won', outcome: 'won' })).toBeNull();
    expect(nextStage(stages, { stageId: 'gone', outcome: null })).toBeNull();
    expect(wonStage(stages)?.id).toBe('won');
    expect(lostStage(stages)?.id).toBe('lost');
  });
  it('reopens a closed deal in the last open stage it was in', () => {
    expect(
      reopenStage(stages, {
        stageEntries: [
          { stageId: 'prospecting', at: 1 },
          { stageId: 'demo', at: 2 },
          { stageId: 'lost', at: 3 },
        ],
      })?.id,
    ).toBe('demo');
    expect(reopenStage(stages, { stageEntries: [{ stageId: 'won', at: 1 }] })?.id).toBe('prospecting');
  });
});
