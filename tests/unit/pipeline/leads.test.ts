import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDealFor, startDeals } from '@/lib/background/create-deal';
import { createHandlers } from '@/lib/messaging/handlers';
import { createRouter } from '@/lib/messaging/router';
import { type CandidateInput, DEFAULT_SETTINGS } from '@/lib/model';
import { saveCapture } from '@/lib/pipeline/capture';
import { deleteContacts } from '@/lib/pipeline/delete-restore';
import { contactsWithDeals, leadsOnly } from '@/lib/pipeline/leads';
import { settleDealOnCapture } from '@/lib/settings/deal-on-capture';
import { loadSettings, saveSettings } from '@/lib/settings/store';
import { freshDb, teamPage } from '../helpers';

const opts = { now: Date.UTC(2026, 10, 1), currency: 'USD', owner: 'rep' };
const jane: CandidateInput = { name: 'Jane Doe', company: 'Acme', emails: ['jane@acme.test'] };
const budi: CandidateInput = { name: 'Budi Santoso', company: 'Nusantara', emails: ['budi@nusantara.test'] };

describe('leads before deals', () => {
  it('a capture saves contacts (leads) and starts no deal unless asked', async () => {
    const db = await freshDb();
    const saved = await saveCapture(db, teamPage(jane, budi), opts);
    expect(saved.map((s) => [s.created, s.dealId, s.dealStarted])).toEqual([
      [true, null, false],
      [true, null, false],
    ]);
    expect(await db.contacts.count()).toBe(2);
    expect(await db.deals.count()).toBe(0);
    // The board, forecast and totals see no deal either: their derived rows are empty.
    expect(await db.dealIndex.count()).toBe(0);
    expect(await db.forecastIndex.count()).toBe(0);
    expect(await db.activities.where('type').equals('captured').count()).toBe(2);
  });

  it('"Save and start deal" on a known lead starts one deal, once, in the stage asked for', async () => {
    const db = await freshDb();
    const [lead] = await saveCapture(db, teamPage(jane), opts);
    const [again] = await saveCapture(db, teamPage(jane), { ...opts, startDeal: true, stageId: 'qualification' });
    expect(again).toMatchObject({ contactId: lead!.contactId, created: false, dealStarted: true });
    expect(await db.deals.get(again!.dealId!)).toMatchObject({ stageId: 'qualification', contactId: lead!.contactId });
    const [third] = await saveCapture(db, teamPage(jane), { ...opts, startDeal: true });
    expect(third).toMatchObject({ dealId: again!.dealId, dealStarted: false });
    expect(await db.deals.count()).toBe(1);
    expect(await db.activities.where('type').equals('deal-started').toArray()).toMatchObject([
      { contactId: lead!.contactId, payload: { stageId: 'qualification' } },
    ]);
  });

  it('refuses to start a deal in a closed or unknown stage, and stores nothing', async () => {
    const db = await freshDb();
    await expect(saveCapture(db, teamPage(jane), { ...opts, startDeal: true, stageId: 'won' })).rejects.toThrow(
      /error_noStage/,
    );
    await expect(saveCapture(db, teamPage(jane), { ...opts, startDeal: true, stageId: 'nope' })).rejects.toThrow();
    expect(await db.contacts.count()).toBe(0);
  });

  it('"Start deal" on many contacts skips those with an open deal; a lead filter lists those without any', async () => {
    const db = await freshDb();
    const [a, b] = await saveCapture(db, teamPage(jane, budi), opts);
    const [c] = await saveCapture(db, teamPage({ name: 'Citra', emails: ['citra@x.test'] }), {
      ...opts,
      startDeal: true,
    });
    expect(await contactsWithDeals(db)).toEqual(new Set([c!.contactId]));
    const all = [a!.contactId, b!.contactId, c!.contactId];
    expect(await leadsOnly(db, all)).toEqual([a!.contactId, b!.contactId]);
    expect(await startDeals(db, all, opts)).toEqual({ started: 2, already: 1 });
    expect(await leadsOnly(db, all)).toEqual([]);
    expect(await db.deals.count()).toBe(3);
    // A contact whose only deal was deleted along with them, then restored without it, is a lead again.
    await deleteContacts(db, [a!.contactId], opts.now + 1);
    const dealsOfA = await db.deals.where('contactId').equals(a!.contactId).toArray();
    expect(dealsOfA.every((d) => d.deletedAt !== null)).toBe(true);
    expect((await contactsWithDeals(db)).has(a!.contactId)).toBe(false);
  });

  it('deal.create starts a deal in a chosen open stage and records it', async () => {
    const db = await freshDb();
    const [lead] = await saveCapture(db, teamPage(jane), opts);
    const deal = await createDealFor(db, lead!.contactId, { ...opts, stageId: 'qualification' });
    expect(deal).toMatchObject({ stageId: 'qualification', title: 'Acme' });
    await expect(createDealFor(db, lead!.contactId, { ...opts, stageId: 'lost' })).rejects.toThrow();
  });

  it('capture.save follows the rep’s setting unless the popup says otherwise', async () => {
    const db = await freshDb();
    let dealOnCapture = false;
    const self = { id: 'x', origin: 'chrome-extension://x/' };
    const route = createRouter(
      createHandlers({ db, settings: async () => ({ ...DEFAULT_SETTINGS, dealOnCapture }), now: () => 1 }),
      self,
    );
    const from = { id: 'x', url: 'chrome-extension://x/popup.html' };
    const save = (c: CandidateInput, startDeal?: boolean) =>
      route({ type: 'capture.save', payload: { capture: teamPage(c), startDeal } }, from);
    expect(await save(jane)).toMatchObject({ ok: true, data: { saved: [{ dealId: null }] } });
    dealOnCapture = true;
    expect(await save(budi)).toMatchObject({ ok: true, data: { saved: [{ dealStarted: true }] } });
    expect(await save({ name: 'Citra', emails: ['c@x.test'] }, false)).toMatchObject({
      ok: true,
      data: { saved: [{ dealId: null }] },
    });
    expect(await db.deals.count()).toBe(1);
  });
});

describe('the deal-on-capture setting on install and update', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is off for a new install, on for an update of an install that has deals, and never changed once stored', async () => {
    const db = await freshDb();
    expect(await settleDealOnCapture('install', undefined, db)).toBe(false);
    expect((await loadSettings()).dealOnCapture).toBe(false);
    // Later updates leave the stored choice alone.
    expect(await settleDealOnCapture('update', { dealOnCapture: false }, db)).toBeNull();

    await fakeBrowser.storage.local.clear();
    await saveCapture(db, teamPage(jane), { ...opts, startDeal: true });
    // An older version stored settings without the field: its rep was used to a deal per capture.
    await fakeBrowser.storage.local.set({ settings: { currency: 'IDR' } });
    expect(await settleDealOnCapture('update', { currency: 'IDR' }, db)).toBe(true);
    expect(await loadSettings()).toMatchObject({ dealOnCapture: true, currency: 'IDR' });
    expect(await settleDealOnCapture('chrome_update', {}, db)).toBeNull();
    await saveSettings({ dealOnCapture: false });
    expect(await settleDealOnCapture('update', { dealOnCapture: false }, db)).toBeNull();
  });

  it('an update of an install with no deals yet starts with leads', async () => {
    const db = await freshDb();
    expect(await settleDealOnCapture('update', undefined, db)).toBe(false);
  });
});
