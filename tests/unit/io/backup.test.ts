import { describe, expect, it } from 'vitest';
import type { ProspectorDb } from '@/lib/db/database';
import { generateDemo } from '@/lib/demo/generate';
import { loadDemo } from '@/lib/demo/load';
import { BACKUP_TABLES } from '@/lib/io/backup-format';
import { BackupError, readBackup, validateBackup } from '@/lib/io/backup-read';
import { backupFileName, backupParts } from '@/lib/io/backup-write';
import { applyRestoreStep, RESTORE_BATCH, wipeData } from '@/lib/io/restore-db';
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

/** Restores a backup as the Data view does: validate, then send each step through the message schema. */
async function restore(db: ProspectorDb, file: Blob) {
  await validateBackup(file);
  const step = async (s: unknown) => applyRestoreStep(db, protocol['backup.restore'].request.parse(s));
  await step({ step: 'begin' });
  return readBackup(file, {
    rows: async (table, rows) => {
      for (let i = 0; i < rows.length; i += RESTORE_BATCH)
        await step({ step: table, rows: rows.slice(i, i + RESTORE_BATCH) });
    },
  });
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
    expect(protocol['backup.restore'].request.safeParse({ step: 'contacts', rows: [{ id: 'x' }] }).success).toBe(false);
    expect(protocol['backup.restore'].request.safeParse({ step: 'nope' }).success).toBe(false);
    expect(protocol['db.wipe'].request.safeParse({}).success).toBe(false);
  });
});
