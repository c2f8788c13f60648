// Restoring a backup in real Chromium, interrupted three ways (issue #15.3): the options page closed part-way,
// the file changed on disk after it was chosen, a backup whose history entries are too large. Each time every
// object store of the real IndexedDB is compared, row by row, with what it held before.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Extension, launchExtension } from './harness';

type Rows = Record<string, unknown>[];

/** Every object store of the extension's database: the whole stored state. */
async function everything(page: Page): Promise<Record<string, Rows>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, Rows>>((ok, fail) => {
        const open = indexedDB.open('prospector');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names);
          const out: Record<string, Rows> = {};
          for (const name of names) {
            const req = tx.objectStore(name).getAll();
            req.onsuccess = () => {
              out[name] = req.result;
            };
          }
          tx.oncomplete = () => {
            db.close();
            ok(out);
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
  );
}

const TABLES = ['stages', 'contacts', 'deals', 'activities'] as const;
interface Backup {
  header: Record<string, unknown>;
  stages: Rows;
  contacts: Rows;
  deals: Rows;
  activities: Rows;
}

function parseBackup(text: string): Backup {
  const doc = JSON.parse(text);
  return {
    header: doc.prospectorBackup,
    stages: doc.stages,
    contacts: doc.contacts,
    deals: doc.deals,
    activities: doc.activities,
  };
}

/** A backup file laid out as Prospector writes it: one record per line. */
function writeBackup(path: string, b: Backup): void {
  const counts = Object.fromEntries(TABLES.map((t) => [t, b[t]!.length]));
  const lines = [`{"prospectorBackup":${JSON.stringify({ ...b.header, counts })},`];
  TABLES.forEach((t, i) => {
    lines.push(`"${t}":[`);
    const rows = [...b[t]!].sort((x, y) => (String(x.id) < String(y.id) ? -1 : 1));
    rows.forEach((r, k) => {
      lines.push(JSON.stringify(r) + (k < rows.length - 1 ? ',' : ''));
    });
    lines.push(i === TABLES.length - 1 ? ']}' : '],');
  });
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/** Another pipeline, `copies` times the size of `b`: every contact renamed, every row under a new id. */
function otherPipeline(b: Backup, copies: number): Backup {
  const out: Backup = { header: b.header, stages: b.stages, contacts: [], deals: [], activities: [] };
  for (let k = 0; k < copies; k++) {
    const id = (v: unknown) => `${String(v)}-${k}`;
    out.contacts!.push(...b.contacts!.map((c) => ({ ...c, id: id(c.id), name: `Other ${c.name}` })));
    out.deals!.push(...b.deals!.map((d) => ({ ...d, id: id(d.id), contactId: id(d.contactId) })));
    out.activities!.push(
      ...b.activities!.map((a) => ({
        ...a,
        id: id(a.id),
        contactId: id(a.contactId),
        dealId: a.dealId ? id(a.dealId) : null,
      })),
    );
  }
  return out;
}

/** How much of the chosen file the data page has read, its rows staged as it goes (its progress bar); 0 before. */
function readSoFar(p: Page): Promise<number> {
  return p.evaluate(() => {
    const bar = document.querySelector('progress');
    return bar ? bar.value / bar.max : 0;
  });
}

async function stagedCount(page: Page): Promise<number> {
  return (await everything(page)).restoreStaging?.length ?? 0;
}

describe('restore, interrupted', () => {
  let ext: Extension;
  let page: Page;
  let before: Record<string, Rows>;
  let demo: Backup;
  const dir = mkdtempSync(join(tmpdir(), 'prospector-restore-'));

  async function openData(): Promise<Page> {
    const p = await ext.context.newPage();
    await p.goto(ext.url('options.html#data'));
    await p.getByTestId('restore-file').waitFor();
    return p;
  }

  beforeAll(async () => {
    ext = await launchExtension();
    page = await openData();
    await page.getByTestId('demo-load').click();
    await page.getByTestId('demo-done').waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-download').click()]);
    demo = parseBackup(readFileSync((await download.path())!, 'utf8'));
    before = await everything(page);
    expect(before.contacts!.length).toBeGreaterThanOrEqual(300);
    expect(before.restoreStaging).toEqual([]);
  }, 120_000);
  afterAll(async () => {
    await ext?.close();
  });

  it('closing the page part-way asks first, then leaves every table as it was', async () => {
    const file = join(dir, 'big.json');
    writeBackup(file, otherPipeline(demo, 12));
    const p = await openData();
    let asked = '';
    p.on('dialog', (d) => {
      asked = d.type();
      void d.accept();
    });
    await p.getByTestId('restore-file').setInputFiles(file);
    // Part-way, as the page shows it: some of the file read, its rows staged (each batch is staged before the next
    // is read), nothing swapped in yet. Read from the page itself: a count from the database waits behind the
    // staging's writes, and on a busy machine came only once it was all staged and the page no longer asked.
    await expect.poll(() => readSoFar(p), { timeout: 30_000, interval: 20 }).toBeGreaterThan(0.05);
    expect(await readSoFar(p)).toBeLessThan(1);
    await p.close({ runBeforeUnload: true });
    await expect.poll(() => asked, { timeout: 5000 }).toBe('beforeunload');
    // The background drops what was staged once the page is gone.
    await expect.poll(() => stagedCount(page), { timeout: 30_000 }).toBe(0);
    expect(await everything(page)).toEqual(before);
  }, 120_000);

  it('a file changed on disk while it is read is refused; changed after the check, the checked copy is restored', async () => {
    const file = join(dir, 'changing.json');
    writeBackup(file, otherPipeline(demo, 30));
    const p = await openData();
    await p.getByTestId('restore-file').setInputFiles(file);
    // Changed while it is read (the page's own progress, as above), not after.
    await expect.poll(() => readSoFar(p), { timeout: 30_000, interval: 20 }).toBeGreaterThan(0.05);
    expect(await readSoFar(p)).toBeLessThan(1);
    writeFileSync(file, '{"hello":"changed"}\n');
    await p
      .locator('[data-testid="backup-error"], [data-testid="restore-confirm-box"]')
      .first()
      .waitFor({ timeout: 60_000 });
    expect(await p.getByTestId('backup-error').textContent()).toMatch(/could not be read to the end/);
    await expect.poll(() => stagedCount(page), { timeout: 10_000 }).toBe(0);
    expect(await everything(page)).toEqual(before);

    // Checked, then the file changes before "Restore": what was checked is restored, not the new bytes.
    const small = otherPipeline(demo, 1);
    writeBackup(file, small);
    await p.getByTestId('restore-file').setInputFiles(file);
    await p.getByTestId('restore-confirm-box').waitFor({ timeout: 60_000 });
    writeFileSync(file, '{"hello":"changed again"}\n');
    await p.getByTestId('restore-confirm').click();
    await p.getByTestId('backup-message').waitFor({ timeout: 60_000 });
    const after = await everything(page);
    for (const t of TABLES) {
      expect(after[t], t).toEqual([...small[t]!].sort((x, y) => (String(x.id) < String(y.id) ? -1 : 1)));
    }
    expect(after.restoreStaging).toEqual([]);
    await p.close();
  }, 180_000);

  it('a backup whose history entries carry 140 KB details is refused with its line, and changes nothing', async () => {
    // Back to the demo pipeline first (a restore that completes), then the oversized file.
    const file = join(dir, 'demo.json');
    writeBackup(file, demo);
    const p = await openData();
    await p.getByTestId('restore-file').setInputFiles(file);
    await p.getByTestId('restore-confirm-box').waitFor({ timeout: 60_000 });
    await p.getByTestId('restore-confirm').click();
    await p.getByTestId('backup-message').waitFor({ timeout: 60_000 });
    const restored = await everything(page);

    const big = otherPipeline(demo, 1);
    big.activities = big.activities!.map((a) => ({ ...a, payload: { text: 'x'.repeat(140_000) } }));
    const oversized = join(dir, 'oversized.json');
    writeBackup(oversized, big);
    await p.getByTestId('restore-file').setInputFiles(oversized);
    await p.getByTestId('backup-error').waitFor({ timeout: 60_000 });
    const message = (await p.getByTestId('backup-error').textContent()) ?? '';
    expect(message).toMatch(/history|activit/i);
    expect(message).toMatch(/line \d+/);
    expect(message).toMatch(/32,000 characters/);
    expect(message).not.toMatch(/Message exceeded/);
    await expect.poll(() => stagedCount(page), { timeout: 10_000 }).toBe(0);
    expect(await everything(page)).toEqual(restored);
    await p.close();
  }, 180_000);
});
