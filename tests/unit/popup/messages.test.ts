import { describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/messaging/handlers';
import { createRouter } from '@/lib/messaging/router';
import { DEFAULT_SETTINGS } from '@/lib/model';
import { freshDb } from '../helpers';

const self = { id: 'prospector-id', origin: 'chrome-extension://prospector-id/' };
const fromPopup = { id: self.id, url: `${self.origin}popup.html` };
const fromPage = { id: self.id, url: 'https://example.com/', tab: { id: 3 } };

async function setup() {
  const db = await freshDb();
  const route = createRouter(
    createHandlers({
      db,
      settings: async () => ({ ...DEFAULT_SETTINGS, currency: 'IDR', owner: 'Ayu' }),
      now: () => 5000,
    }),
    self,
  );
  const saved = await route(
    {
      type: 'capture.save',
      payload: {
        capture: { url: 'https://x.test', candidates: [{ name: 'Dewi', jobTitle: 'CEO', company: 'Acme' }] },
        startDeal: true,
      },
    },
    fromPopup,
  );
  if (!saved.ok) throw new Error(saved.error);
  const { contactId, dealId } = (saved.data as { saved: { contactId: string; dealId: string }[] }).saved[0]!;
  return { db, route, contactId, dealId };
}

describe("the popup's messages", () => {
  it('deal.create opens a new deal for a known contact, from extension pages only', async () => {
    const { db, route, contactId } = await setup();
    const reply = await route({ type: 'deal.create', payload: { contactId } }, fromPopup);
    expect(reply).toMatchObject({ ok: true });
    const dealId = (reply as { data: { dealId: string } }).data.dealId;
    expect(await db.deals.get(dealId)).toMatchObject({
      contactId,
      stageId: 'prospecting',
      currency: 'IDR',
      owner: 'Ayu',
    });
    expect(await route({ type: 'deal.create', payload: { contactId } }, fromPage)).toMatchObject({ code: 'forbidden' });
    expect(await route({ type: 'deal.create', payload: { contactId: 'nobody' } }, fromPopup)).toMatchObject({
      ok: false,
      code: 'failed',
    });
  });

  it('deal.refreshBant finds the suggestions the evidence supports already stored by the write', async () => {
    const { db, route, dealId } = await setup();
    // The deal was written with its suggestions (lib/pipeline/bant-on-write.ts): the popup has nothing to add.
    expect((await db.deals.get(dealId))?.bant.authority).toEqual({ level: 3, note: '', confirmed: false });
    expect(await route({ type: 'deal.refreshBant', payload: { dealId } }, fromPopup)).toEqual({
      ok: true,
      data: { changed: [] },
    });
    expect(await route({ type: 'deal.refreshBant', payload: { dealId: '' } }, fromPopup)).toMatchObject({
      code: 'invalid',
    });
  });
});
