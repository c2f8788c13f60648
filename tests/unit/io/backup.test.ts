import { describe, expect, it, vi } from 'vitest';
import type { ProspectorDb } from '@/lib/db/database';
import { generateDemo } from '@/lib/demo/generate';
import { loadDemo } from '@/lib/demo/load';
import { describeError } from '@/lib/errors';
import { BACKUP_TABLES } from '@/lib/io/backup-format';
import { BackupError, validateBackup } from '@/lib/io/backup-read';
import { backupFileName, backupParts } from '@/lib/io/backup-write';
import { applyRestoreStep, RESTORE_BATCH_BYTES, wipeData } from '@/lib/io/restore-db';
import { byteBatches, commitBackup, type SendStep, stageBackup } from '@/lib/io/restore-send';
import { protocol } from '@/lib/messaging/protocol';
import { DEFAULT_SETTINGS } from '@/lib/model';
import { freshDb } from '../helpers';

const NOW = Date.UTC(2026, 10, 29, 9);

async function everything(db: ProspectorDb) {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.orderBy(':id').toArray();
  return out;
}

async function seeded(contacts = 120) {
  const db = await freshDb();
  await loadDemo(db, generateDemo({ contacts, now: NOW, stages: await db.stages.toArray(), seed: 9, notesPerDeal: 1 }));
  // Odd text survives too.
  await db.contacts.update((await db.contacts.toCollection().first())!.id, {
    notes: 'Line one\nline "two", ünïcödé 日本 😀 \u2028 end',
  });
  return db;
}

/** The background's side of the restore messages: each step parsed by the message table, then applied. */
function background(db: ProspectorDb, seen: number[] = []): SendStep {
  return async (s) => {
    // What crosses between the page and the background is JSON-like: its size is what Chromium limits.
    seen.push(JSON.stringify(s).length);
    return applyRestoreStep(db, protocol['backup.restore'].request.parse(s));
  };
}

/** Restores a backup as the Data view does: read and check once into staging, then commit. */
async function restore(db: ProspectorDb, file: Blob) {
  const staged = await stageBackup(file, background(db));
  await commitBackup(background(db), staged);
  return staged.header;
}

/** Every table but staging: what the rep has. */
async function stored(db: ProspectorDb) {
  const all = await everything(db);
  delete all.restoreStaging;
  return all;
}

describe('JSON backup and restore', () => {
  it('backup → wipe → restore gives back every table exactly, settings included', async () => {
    const db = await seeded();
    const before = await everything(db);
    const settings = { ...DEFAULT_SETTINGS, currency: 'IDR', owner: 'Ayu' };
    const file = new Blob(await backupParts(db, settings, NOW));
    expect(await wipeData(db)).toEqual({
      contacts: 120,
      deals: 120,
      activities: (before.activities as unknown[]).length,
    });
    expect(await db.contacts.count()).toBe(0);
    expect(await db.contactIndex.count()).toBe(0);
    expect(await db.stages.count()).toBe(8);
    const header = await restore(db, file);
    expect(header.settings).toEqual(settings);
    expect(await everything(db)).toEqual(before);
  });

  it('is one JSON document, one record per line, that states its counts', async () => {
    const db = await seeded(5);
    const text = await new Blob(await backupParts(db, null, NOW)).text();
    const doc = JSON.parse(text);
    expect(doc.prospectorBackup).toMatchObject({ format: 'prospector-backup', version: 1, exportedAt: NOW });
    expect(doc.prospectorBackup.counts).toMatchObject({ contacts: 5, deals: 5, stages: 8 });
    for (const t of BACKUP_TABLES) expect(doc[t]).toHaveLength(doc.prospectorBackup.counts[t]);
    expect(text.split('\n').length).toBeGreaterThan(5 + 5 + 8);
    expect(backupFileName(NOW)).toMatch(/^prospector-backup-\d{4}-\d{2}-\d{2}\.json$/);
  });

  it('restores a backup re-indented by an editor (read whole)', async () => {
    const db = await seeded(5);
    const before = await everything(db);
    const pretty = JSON.stringify(JSON.parse(await new Blob(await backupParts(db, null, NOW)).text()), null, 4);
    await wipeData(db);
    await restore(db, new Blob([pretty]));
    expect(await everything(db)).toEqual(before);
  });

  it('refuses damaged, truncated, foreign and newer backups before touching anything', async () => {
    const db = await seeded(5);
    const text = await new Blob(await backupParts(db, null, NOW)).text();
    const lines = text.split('\n');
    const cases: [string, string | Blob, RegExp][] = [
      ['truncated', lines.slice(0, lines.length - 6).join('\n'), /incomplete/],
      ['not json', 'hello', /not a Prospector backup/],
      ['other json', '{"hello":1}', /not a Prospector backup/],
      ['newer', text.replace('"version":1', '"version":9'), /newer version/],
      ['bad line', text.replace(/\n\{"id":"[^\n]*/, '\n{"id": oops'), /damaged at line/],
      ['bad record', text.replace(/"emails":\[[^\]]*\]/, '"emails":"nope"'), /contacts.*emails/],
      ['count mismatch', text.replace(/"contacts":5/, '"contacts":6'), /incomplete/],
      ['not utf-8', new Blob([new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])]), /not JSON|not a Prospector/],
    ];
    for (const [what, content, message] of cases) {
      const blob = typeof content === 'string' ? new Blob([content]) : content;
      await expect(validateBackup(blob), what).rejects.toThrow(message);
      await expect(validateBackup(blob), what).rejects.toBeInstanceOf(BackupError);
    }
    // A deal pointing at a contact the backup does not have.
    const doc = JSON.parse(text);
    doc.contacts = doc.contacts.filter((c: { id: string }) => c.id !== doc.deals[0].contactId);
    doc.prospectorBackup.counts.contacts--;
    await expect(validateBackup(new Blob([JSON.stringify(doc)]))).rejects.toThrow(/points to/);
    const twice = JSON.parse(text);
    twice.deals[1] = { ...twice.deals[1], id: twice.deals[0].id };
    await expect(validateBackup(new Blob([JSON.stringify(twice)]))).rejects.toThrow(/two deals records/);
  });

  it('the restore message refuses rows that are not valid records', () => {
    expect(
      protocol['backup.restore'].request.safeParse({ step: 'contacts', session: 's', rows: [{ id: 'x' }] }).success,
    ).toBe(false);
    expect(protocol['backup.restore'].request.safeParse({ step: 'nope' }).success).toBe(false);
    expect(protocol['db.wipe'].request.safeParse({}).success).toBe(false);
  });

  it('keeps the data as it was until the swap: staged, abandoned, cancelled or refused restores change nothing', async () => {
    const source = await seeded(30);
    const file = new Blob(await backupParts(source, null, NOW));
    const db = await seeded(12);
    const before = await everything(db);
    // Checked and staged, then the page is closed before "Restore": nothing the rep sees has changed.
    const staged = await stageBackup(file, background(db));
    expect(await db.restoreStaging.count()).toBeGreaterThan(30);
    const { restoreStaging: _, ...beforeStored } = before;
    expect(await stored(db)).toEqual(beforeStored);
    // Another restore begins: the abandoned session is dropped, and its commit is refused, leaving all as it was.
    await background(db)({ step: 'begin', session: 'other' });
    const refused = await commitBackup(background(db), staged).catch((e) => e);
    expect(describeError(refused)).toMatch(/did not all arrive/);
    expect(await everything(db)).toEqual(before);
    // A refused file (bad record near its end) is dropped from staging as well.
    const text = await file.text();
    const bad = text.replace(/"type":"note"(?![\s\S]*"type":"note")/, '"type":"nope"');
    await expect(stageBackup(new Blob([bad]), background(db))).rejects.toThrow(BackupError);
    expect(await everything(db)).toEqual(before);
  });

  it('rolls the whole swap back when a write fails part-way (every table and derived index as before)', async () => {
    const source = await seeded(40);
    const file = new Blob(await backupParts(source, null, NOW));
    const db = await seeded(15);
    const before = await everything(db);
    const staged = await stageBackup(file, background(db));
    // The last table of the swap fails, after stages, contacts and deals were already replaced in the transaction.
    const spy = vi.spyOn(db.table('activities'), 'bulkAdd').mockRejectedValueOnce(new Error('disk full'));
    await expect(commitBackup(background(db), staged)).rejects.toThrow(/disk full/);
    spy.mockRestore();
    expect(await everything(db)).toEqual(before);
    // The same file restores fine afterwards.
    await restore(db, file);
    const { restoreStaging: _, ...after } = await everything(source);
    expect(await stored(db)).toEqual(after);
    expect(await db.restoreStaging.count()).toBe(0);
  });

  it('sends rows in messages cut by size, so 140 KB rows never make one too large to send', async () => {
    expect(byteBatches([10, 10, 10], 2, 100)).toEqual([
      [0, 2],
      [2, 3],
    ]);
    expect(byteBatches([60, 60, 200, 10], 10, 100)).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
    expect(byteBatches([], 10, 100)).toEqual([]);
    // Notes near the limit on every contact: 150 rows of ~40 KB of JSON each (quotes escape to two characters).
    const db = await seeded(150);
    const contacts = await db.contacts.toArray();
    await db.contacts.bulkPut(contacts.map((c) => ({ ...c, notes: '"'.repeat(19_990) })));
    const file = new Blob(await backupParts(db, null, NOW));
    const seen: number[] = [];
    const target = await freshDb();
    const staged = await stageBackup(file, background(target, seen));
    await commitBackup(background(target, seen), staged);
    expect(Math.max(...seen)).toBeLessThanOrEqual(RESTORE_BATCH_BYTES + 1000);
    // Cut by rows alone, the 150 contacts would have gone in one 6 MB message.
    expect(seen.length).toBeGreaterThan(8);
    expect((await target.contacts.get(contacts[0]!.id))?.notes).toHaveLength(19_990);
  }, 60_000);

  it('refuses a backup whose history entries carry 140 KB details, saying which line and what limit', async () => {
    const db = await seeded(5);
    const before = await everything(db);
    const doc = JSON.parse(await new Blob(await backupParts(db, null, NOW)).text());
    doc.activities[2].payload = { text: 'x'.repeat(140_000) };
    const lines = [
      `{"prospectorBackup":${JSON.stringify(doc.prospectorBackup)},`,
      ...BACKUP_TABLES.flatMap((table, t) => [
        `"${table}":[`,
        ...doc[table].map((r: unknown, i: number) => JSON.stringify(r) + (i < doc[table].length - 1 ? ',' : '')),
        t === BACKUP_TABLES.length - 1 ? ']}' : '],',
      ]),
    ];
    const line = lines.findIndex((l) => l.includes('x'.repeat(1000))) + 1;
    const file = new Blob([lines.join('\n')]);
    await expect(stageBackup(file, background(db))).rejects.toThrow(
      new RegExp(`activities \\(line ${line}\\).*at most 32,000 characters`),
    );
    expect(await everything(db)).toEqual(before);
    // Lists and texts over the model's limits are refused the same way, with their own words.
    doc.activities[2].payload = {};
    doc.contacts[0].editedFields = Array.from({ length: 500 }, (_, i) => `f${i}`);
    await expect(validateBackup(new Blob([JSON.stringify(doc)]))).rejects.toThrow(/at most 100 items/);
    doc.contacts[0].editedFields = [];
    doc.contacts[0].nameKey = 'n'.repeat(5000);
    await expect(validateBackup(new Blob([JSON.stringify(doc)]))).rejects.toThrow(/at most 1,001 characters/);
  });
});
