import type { Page } from 'playwright-core';

/**
 * Resolves once the background answers messages, which it does only after its database is open and seeded.
 * Reading the database before that would create an empty one (an open without a version does), whose open
 * connection then blocks the background's own upgrade: the benchmark would hang.
 */
export async function backgroundReady(page: Page): Promise<void> {
  const reply = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'popup.wake', payload: {} }));
  if (!reply?.ok) throw new Error(`The background did not answer: ${JSON.stringify(reply)}`);
}

/** Rows in one store of the extension's database, read from an extension page (after backgroundReady). */
export async function storeCount(page: Page, store: string): Promise<number> {
  await backgroundReady(page);
  return page.evaluate(
    (name) =>
      new Promise<number>((ok, fail) => {
        const open = indexedDB.open('prospector');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          try {
            const req = db.transaction(name).objectStore(name).count();
            req.onsuccess = () => ok(req.result);
            req.onerror = () => fail(req.error);
          } catch (err) {
            fail(err);
          } finally {
            db.close(); // closes once the transaction is done; never left open to block an upgrade
          }
        };
      }),
    store,
  );
}

/**
 * Whether the background has reported a finished sync since `since` (its status in extension storage, as the
 * settings page reads it). Read there rather than by counting rows: a count every 200 ms is a read transaction
 * over a growing store that the pull's writes queue behind, which slowed the very pull it timed.
 */
export async function syncedSince(page: Page, since: number): Promise<boolean> {
  return page.evaluate(async (since) => {
    const { teamStatus } = await chrome.storage.local.get('teamStatus');
    const status = teamStatus as { state?: string; lastSyncedAt?: number | null } | undefined;
    return status?.state === 'ok' && (status.lastSyncedAt ?? 0) >= since;
  }, since);
}
