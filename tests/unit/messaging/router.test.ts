import { describe, expect, it, vi } from 'vitest';
import { AppError } from '@/lib/errors';
import { createRouter, senderKind } from '@/lib/messaging/router';

const self = { id: 'prospector-id', origin: 'chrome-extension://prospector-id/' };
const fromPopup = { id: self.id, url: `${self.origin}popup.html` };
const fromContent = { id: self.id, url: 'https://example.com/', tab: { id: 7 } };
const fromOtherExtension = { id: 'evil', url: 'chrome-extension://evil/page.html' };
const move = { type: 'deal.move', payload: { dealId: 'd1', stageId: 'demo' } };

function router() {
  const handler = vi.fn(async (p: { dealId: string; stageId: string }) => ({ dealId: p.dealId, stageId: p.stageId }));
  return { handler, route: createRouter({ 'deal.move': handler }, self) };
}

describe('message router', () => {
  it('runs the handler for a well-formed message from an extension page', async () => {
    const { handler, route } = router();
    expect(await route(move, fromPopup)).toEqual({ ok: true, data: { dealId: 'd1', stageId: 'demo' } });
    expect(handler).toHaveBeenCalledWith({ dealId: 'd1', stageId: 'demo', lostReason: '' }, fromPopup);
  });

  it('rejects messages of the wrong shape without calling the handler', async () => {
    const { handler, route } = router();
    for (const bad of [
      null,
      'deal.move',
      { type: 42 },
      { type: 'deal.move', payload: { dealId: '' } },
      { type: 'deal.move', payload: { dealId: 'd', stageId: 5 } },
    ]) {
      expect(await route(bad, fromPopup)).toMatchObject({ ok: false, code: 'invalid' });
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('rejects senders that are not this extension, and content scripts asking for page-only calls', async () => {
    const { handler, route } = router();
    expect(await route(move, fromOtherExtension)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await route(move, fromContent)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await route(move, { url: fromPopup.url })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(handler).not.toHaveBeenCalled();
  });

  it('rejects unknown and prototype-named types', async () => {
    const { route } = router();
    for (const type of ['nope', '__proto__', 'constructor', 'toString']) {
      expect(await route({ type, payload: {} }, fromPopup)).toMatchObject({ ok: false, code: 'unknown-type' });
    }
  });

  it('answers a handler failure as an error value', async () => {
    const route = createRouter(
      {
        'deal.move': async () => {
          throw new Error('boom');
        },
      },
      self,
    );
    expect(await route(move, fromPopup)).toEqual({ ok: false, code: 'failed', error: 'boom' });
  });

  it("carries a domain error's i18n parts, so the page says it in the rep's language", async () => {
    const route = createRouter(
      {
        'deal.move': async () => {
          throw new AppError('error_noDeal');
        },
      },
      self,
    );
    expect(await route(move, fromPopup)).toEqual({
      ok: false,
      code: 'failed',
      error: 'error_noDeal',
      parts: [{ key: 'error_noDeal', params: [] }],
    });
  });

  it('classifies senders', () => {
    expect(senderKind(fromPopup, self.id, self.origin)).toBe('extension');
    expect(senderKind(fromContent, self.id, self.origin)).toBe('content');
    expect(senderKind(fromOtherExtension, self.id, self.origin)).toBeNull();
    expect(senderKind({ id: self.id }, self.id, self.origin)).toBeNull();
  });
});
