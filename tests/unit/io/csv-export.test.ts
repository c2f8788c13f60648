import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { generateDemo } from '@/lib/demo/generate';
import { loadDemo } from '@/lib/demo/load';
import { CSV_COLUMNS, contactsToCsv, formatMinor } from '@/lib/io/csv-export';
import { CsvRecordReader } from '@/lib/io/csv-records';
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

  it('quotes every field and leaves no evaluable cell however a spreadsheet splits it (, ; tab, line breaks)', async () => {
    const db = await freshDb();
    const [c] = generateDemo({ contacts: 1, now: NOW, stages: await db.stages.toArray(), seed: 1 }).contacts;
    const attack = "=cmd|' /C calc'!A0";
    const csv = contactsToCsv(
      [
        {
          ...c!,
          name: `Ann;${attack}`,
          givenName: `Ann, ${attack}`,
          familyName: `Lee\t${attack}`,
          jobTitle: `CEO\r\n${attack}`,
          company: `Acme; "${attack}"`,
          location: 'x|@SUM(1)',
          notes: 'a;+HYPERLINK("http://evil");-2+3',
          phones: ['+62 21 555 0100', '-12.5'],
          tags: ['-vip', '+1 555 0100'],
        },
      ],
      [],
      [],
    );
    const line = csv.slice(csv.indexOf('\r\n') + 2);
    // The bytes: every field quoted, a guard before each piece a split could make a formula, numbers untouched.
    expect(line.startsWith(`"Ann;'=cmd|' /C calc'!A0","Ann, '=cmd|' /C calc'!A0","Lee\t'=cmd`)).toBe(true);
    expect(line).toContain(`"CEO\r\n'=cmd|' /C calc'!A0"`);
    expect(line).toContain(`"Acme; ""'=cmd|' /C calc'!A0"""`);
    expect(line).toContain(`"x|'@SUM(1)"`);
    expect(line).toContain(`"a;'+HYPERLINK(""http://evil"");'-2+3"`);
    expect(line).toContain(`"+62 21 555 0100","-12.5"`);
    expect(line).toContain(`"'-vip; '+1 555 0100"`);
    // Read back as spreadsheets in each locale read it (Excel's rules, lib/io/csv-records.ts): no cell, however
    // split, starts with a formula.
    for (const delimiter of [',', ';', '\t', '|']) {
      const cells = new CsvRecordReader(delimiter).push(csv, true).flatMap((r) => r.fields);
      if (delimiter === ',') expect(cells).toHaveLength(2 * CSV_COLUMNS.length);
      for (const cell of cells) {
        const start = cell.replace(/^[\s"]+/, '');
        const evaluable = /^[=@]/.test(start) || (/^[+-]/.test(start) && !/^[+-][\d\s().-]*$/.test(start));
        expect(evaluable, `${JSON.stringify(delimiter)}: ${cell}`).toBe(false);
      }
    }
    // Every field is quoted, even plain ones.
    expect(csv.startsWith('"Name","First Name",')).toBe(true);
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
