import type { CDPSession, Page } from 'playwright-core';
import type { Extension } from './browser';

/**
 * The extension's real toolbar popup, opened as a click on its button opens it (`chrome.action.openPopup()`, from
 * the worker, on the tab in front), rather than `popup.html` loaded in a tab as most tests and the benchmark do.
 * Chrome shows that popup only once its page has loaded, which a tab does not show: a change to the popup's open
 * path is timed here too (docs/popup.md). Playwright does not list the popup as a page, so it is reached through
 * CDP: found among the browser's targets, attached (without flattening) and evaluated in.
 */
export interface ToolbarPopup {
  /** An expression's value in the popup's page (JSON-serialisable). */
  evaluate<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

interface TargetInfo {
  targetId: string;
  url: string;
}

/** Opens the toolbar popup for the tab showing `page` and gives a handle on it once its page exists. */
export async function openToolbarPopup(ext: Extension, page: Page, timeoutMs = 10_000): Promise<ToolbarPopup> {
  await page.bringToFront();
  const cdp = await ext.context.newCDPSession(page);
  const popupUrl = ext.url('popup.html');
  const before = new Set(
    ((await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] }).targetInfos.map((t) => t.targetId),
  );
  const opened = await ext.worker.evaluate(() =>
    (chrome.action as unknown as { openPopup(): Promise<void> }).openPopup().then(
      () => '',
      (err: unknown) => String(err),
    ),
  );
  try {
    if (opened) throw new Error(`The toolbar popup did not open: ${opened}`);
    let target: TargetInfo | undefined;
    for (const deadline = Date.now() + timeoutMs; !target && Date.now() < deadline; ) {
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
      target = targetInfos.find((t) => t.url.startsWith(popupUrl) && !before.has(t.targetId));
      if (!target) await new Promise((ok) => setTimeout(ok, 20));
    }
    if (!target) throw new Error('No toolbar popup appeared.');
    const attached = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as {
      sessionId: string;
    };
    return toolbarPopup(cdp, target.targetId, attached.sessionId);
  } catch (err) {
    // Not left attached to the page when no popup could be reached.
    await cdp.detach().catch(() => undefined);
    throw err;
  }
}

function toolbarPopup(cdp: CDPSession, targetId: string, sessionId: string): ToolbarPopup {
  let nextId = 0;
  const send = cdp.send.bind(cdp) as (method: string, params: unknown) => Promise<unknown>;
  return {
    async evaluate<T>(expression: string): Promise<T> {
      const id = ++nextId;
      const reply = new Promise<{ result?: { result?: { value?: T } }; error?: unknown }>((ok) => {
        const listen = (event: { sessionId: string; message: string }) => {
          const message = JSON.parse(event.message) as { id?: number };
          if (event.sessionId !== sessionId || message.id !== id) return;
          cdp.off('Target.receivedMessageFromTarget', listen);
          ok(message as { result?: { result?: { value?: T } }; error?: unknown });
        };
        cdp.on('Target.receivedMessageFromTarget', listen);
      });
      await send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, returnByValue: true } }),
      });
      const answer = await reply;
      if (answer.error) throw new Error(`In the toolbar popup: ${JSON.stringify(answer.error)}`);
      return answer.result?.result?.value as T;
    },
    async close() {
      await send('Target.closeTarget', { targetId }).catch(() => undefined);
      await cdp.detach().catch(() => undefined);
    },
  };
}
