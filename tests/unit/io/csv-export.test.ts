import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { generateDemo } from '@/lib/demo/generate';
import { loadDemo } from '@/lib/demo/load';
import { CSV_COLUMNS, contactsToCsv, formatMinor } from '@/lib/io/csv-export';
import { exportAllCsv, exportAllVcard } from '@/lib/io/export-all';
import { guessMapping } from '@/lib/io/guess-columns';
import { parseVcards } from '@/lib/io/vcard-read';
import { freshDb } from '../helpers';

const NOW = Date.UTC(2026, 10, 29, 9);

describe('CSV export', () => {
  it('writes one row per deal under headers our import (and CRMs) recognise', async () => {
    const db = await freshDb();
    const stages = await db.stages.toArray();
    const data = generateDemo({ contacts: 10, now: NOW, stages, seed: 1 });
    const csv = contactsToCsv(data.contacts, data.deals, stages);
    const rows = Papa.parse<string[]>(csv.trim()).data;
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(11);
    expect(guessMapping(rows[0]!).filter(Boolean)).toHaveLength(CSV_COLUMNS.length - 1);
    const deal = data.deals[0]!;
    const row = rows.find((r) => r[CSV_COLUMNS.indexOf('Deal ID')] === deal.id)!;
    expect(row[CSV_COLUMNS.indexOf('Deal Stage')]).toBe(stages.find((s) => s.id === deal.stageId)!.name);
    expect(row[CSV_COLUMNS.indexOf('Amount')]).toBe(deal.amount === null ? '' : formatMinor(deal.amount, 'USD'));
  });

  it('keeps formulas from running in a spreadsheet, but leaves phone numbers alone', async () => {
    const db = await freshDb();
    const [c] = generateDemo({ contacts: 1, now: NOW, stages: await db.stages.toArray(), seed: 1 }).contacts;
    const csv = contactsToCsv(
      [
        {
          ...c!,
          name: '=HYPERLINK("http://evil","x")',
          jobTitle: '@SUM(A1)',
          company: '-2+3',
          phones: ['+62 21 555 0100'],
        },
      ],
      [],
      [],
    );
    const row = Papa.parse<string[]>(csv.trim()).data[1]!;
    expect(row[0]).toBe('\'=HYPERLINK("http://evil","x")');
    expect(row[3]).toBe("'@SUM(A1)");
    expect(row[4]).toBe("'-2+3");
    expect(row[7]).toBe('+62 21 555 0100');
  });

  it('formats minor units exactly', () => {
    expect(formatMinor(105407, 'USD')).toBe('1054.07');
    expect(formatMinor(5, 'USD')).toBe('0.05');
    expect(formatMinor(1000, 'JPY')).toBe('1000');
    expect(formatMinor(1234, 'KWD')).toBe('1.234');
  });

  it('exports every live contact from the store, page by page', async () => {
    const db = await freshDb();
    const demo = generateDemo({ contacts: 1100, now: NOW, stages: await db.stages.toArray(), seed: 2 });
    // The rep's own contacts: demo ones are never exported (tests/unit/demo.test.ts).
    const data = { ...demo, contacts: demo.contacts.map(({ demo: _, ...c }) => c) };
    await loadDemo(db, data);
    await db.contacts.update(data.contacts[0]!.id, { deletedAt: NOW });
    const csv = (await exportAllCsv(db)).join('');
    // The header and the 1,099 contacts not deleted (more than one page of 1,000), one deal each.
    expect(Papa.parse(csv.trim()).data).toHaveLength(1100);
    expect(parseVcards((await exportAllVcard(db)).join(''))).toHaveLength(1099);
  }, 30_000);
});
