import type { Page } from 'playwright-core';
import { type Extension, tabIdOf } from '../support/browser';
import { type Figure, summarise } from './stats';
import { storeCount } from './store-count';

const CONTACTS = Number(process.env.PROSPECTOR_BENCH_CONTACTS ?? 100_000);
const RUNS = 40;

/** A few stored contacts' emails (to re-capture known people). */
async function someEmails(page: Page, n: number): Promise<string[]> {
  return page.evaluate(
    (limit) =>
      new Promise<string[]>((ok, fail) => {
        const open = indexedDB.open('prospector');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const req = open.result
            .transaction('contacts')
            .objectStore('contacts')
            .getAll(undefined, limit * 20);
          req.onsuccess = () => {
            open.result.close();
            const all = (req.result as { emails: string[] }[]).flatMap((c) => c.emails.slice(0, 1));
            ok(all.filter((_, i) => i % 20 === 0).slice(0, limit));
          };
        };
      }),
    n,
  );
}

/** Times one capture.save round trip from an extension page (as the popup saves). */
async function timeSave(page: Page, candidate: Record<string, unknown>): Promise<number> {
  const { ms, ok } = await page.evaluate(async (cand) => {
    const t = performance.now();
    const reply = await chrome.runtime.sendMessage({
      type: 'capture.save',
      // As with "Save and start deal": the heavier save, a contact and a deal with their derived rows.
      payload: { capture: { url: 'https://bench.example/profile', site: 'web', candidates: [cand] }, startDeal: true },
    });
    return { ms: performance.now() - t, ok: !!reply?.ok };
  }, candidate);
  if (!ok) throw new Error('capture.save failed');
  return ms;
}

/**
 * Capture to stored with 100,000 contacts already stored (issue 3): the popup's save (message, dedupe look-up
 * by email / profile / name at company, write, activity) for new people and for known people (a merge); and the
 * shortcut's whole path on a served page (inject the reader, prepare in the background, dedupe, write).
 */
export async function benchCapture(ext: Extension, origin: string): Promise<Figure[]> {
  const admin = await ext.context.newPage();
  await admin.goto(ext.url('bench-empty.html'));
  const start = Date.now();
  if ((await storeCount(admin, 'contacts')) < CONTACTS) {
    process.stderr.write(`capture bench: loading ${CONTACTS} demo contacts…\n`);
    const loaded = await admin.evaluate(
      (contacts) => chrome.runtime.sendMessage({ type: 'demo.load', payload: { contacts } }),
      CONTACTS,
    );
    if (!loaded?.ok) throw new Error(`demo.load failed: ${JSON.stringify(loaded)}`);
  }
  const contacts = await storeCount(admin, 'contacts');
  process.stderr.write(`capture bench: ${contacts} contacts stored\n`);
  const loadSeconds = Math.round((Date.now() - start) / 1000);
  const run = Date.now().toString(36);

  const fresh: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    fresh.push(
      await timeSave(admin, {
        name: `Bench Person${String.fromCharCode(65 + (i % 26))} ${run}${i}`,
        jobTitle: 'Head of Procurement',
        company: 'Benchmark Logistics',
        emails: [`bench.${run}.${i}@benchmark-logistics.example`],
        phones: ['+6591234567'],
        linkedinUrl: `https://www.linkedin.com/in/bench-${run}-${i}/`,
      }),
    );
  }
  const known: number[] = [];
  // A phone number no earlier run stored, so every re-capture is a merge that writes the contact and its timeline
  // entry (with the same numbers, a second run on a kept profile found nothing to change and timed a look-up only).
  const runDigits = String(Date.now() % 100_000).padStart(5, '0');
  for (const email of await someEmails(admin, RUNS)) {
    known.push(
      await timeSave(admin, {
        name: 'Re Captured',
        emails: [email],
        phones: [`+659${runDigits}${String(known.length).padStart(2, '0')}`],
      }),
    );
  }

  const page = await ext.context.newPage();
  await page.goto(`${origin}/generic/team-page.html`);
  const tabId = await tabIdOf(ext, page);
  const shortcut: number[] = [];
  for (let i = 0; i < 15; i++) {
    shortcut.push(
      await ext.worker.evaluate(async (id) => {
        const t = performance.now();
        await (
          globalThis as unknown as { prospectorCaptureTest: { command(id: number): Promise<number> } }
        ).prospectorCaptureTest.command(id);
        return performance.now() - t;
      }, tabId),
    );
  }
  await page.close();
  await admin.close();
  const context = { contacts, demoLoadSeconds: loadSeconds };
  return [
    summarise('capture.save-new-person', fresh, 'ms', { ...context, target: 'median ≤ 20' }),
    summarise('capture.save-known-person', known, 'ms', { ...context, target: 'median ≤ 20' }),
    summarise('capture.shortcut-team-page', shortcut, 'ms', { ...context, people: 10 }),
  ];
}
