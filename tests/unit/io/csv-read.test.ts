import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  CsvEncodingError,
  CsvFileError,
  type CsvFormat,
  type CsvRecord,
  previewCsv,
  readCsvRecords,
  sniffCsv,
} from '@/lib/io/csv-read';
import { scanCsv } from '@/lib/io/scan-csv';
import { fixtureFile } from './helpers';

async function all(blob: Blob, format: CsvFormat, chunkBytes?: number): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const { records } of readCsvRecords(blob, format, { chunkBytes })) out.push(...records);
  return out;
}

describe('reading CSV files in chunks', () => {
  it('keeps quoted newlines, commas and multi-byte characters whole across chunk boundaries', async () => {
    const text = 'Name,Note\r\n"Dewi, Lestari","line one\r\nline two"\r\nZoë Weiß,日本語のメモ\r\n';
    const blob = new Blob([text]);
    const format = await sniffCsv(blob);
    expect(format).toEqual({ encoding: 'utf-8', delimiter: ',', newline: '\r\n' });
    for (const size of [1, 2, 3, 5, 7, 64, 1 << 20]) {
      const records = await all(blob, format, size);
      expect(
        records.map((r) => r.fields),
        `chunk ${size}`,
      ).toEqual([
        ['Name', 'Note'],
        ['Dewi, Lestari', 'line one\r\nline two'],
        ['Zoë Weiß', '日本語のメモ'],
      ]);
      // Physical lines: the quoted note takes lines 2 and 3.
      expect(records.map((r) => r.row)).toEqual([1, 2, 4]);
    }
  });

  it('reads any table written by a CSV writer back exactly, whatever the chunk size (property)', async () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('a,b', '"q"', 'x\ny', 'é', '😀', ' ', ''));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 40 }),
        async (rows, chunk) => {
          const header = ['a', 'b'];
          const text = Papa.unparse([header, ...rows], { newline: '\r\n', quotes: true });
          const records = await all(new Blob([text]), { encoding: 'utf-8', delimiter: ',', newline: '\r\n' }, chunk);
          expect(records.map((r) => r.fields)).toEqual([header, ...rows]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never throws on arbitrary bytes except with its own, explained errors', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 1, max: 64 }), async (bytes, chunk) => {
        const blob = new Blob([bytes]);
        try {
          const format = await sniffCsv(blob);
          await all(blob, format, chunk);
        } catch (err) {
          expect(err instanceof CsvFileError || err instanceof CsvEncodingError).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds semicolons and tabs, Windows-1252 and UTF-16 files', async () => {
    const semi = fixtureFile('semicolon-comma-decimals.csv');
    expect(await sniffCsv(semi)).toMatchObject({ delimiter: ';', newline: '\r\n' });
    const latin = fixtureFile('windows-1252.csv');
    // Not guessed: reading it as UTF-8 says which line is not, and the rep's choice reads it.
    expect((await sniffCsv(latin)).encoding).toBe('utf-8');
    await expect(scanCsv(latin, await sniffCsv(latin))).rejects.toMatchObject({ line: 2 });
    const latinFormat = { ...(await sniffCsv(latin)), encoding: 'windows-1252' as const };
    expect((await previewCsv(latin, latinFormat)).sample[0]?.fields).toEqual([
      'José García',
      'Café S.A.',
      'jose@cafe.example',
    ]);
    const utf16 = fixtureFile('utf16-bom.csv');
    const utf16Format = await sniffCsv(utf16);
    expect(utf16Format).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect((await previewCsv(utf16, utf16Format)).header).toEqual(['Name', 'Company', 'Email']);
    expect((await previewCsv(utf16, utf16Format)).sample[0]?.fields[0]).toBe('田中 太郎');
  });

  it('reports the line of the first byte that is not UTF-8, past the first 64 KB, and re-reads nothing silently', async () => {
    const head = `Name,Company\nZoë Ångström,Acme\n${'Ann,Acme\n'.repeat(9000)}`;
    const tail = new Uint8Array([0x52, 0x65, 0x6e, 0xe9, 0x2c, 0x58, 0x0a]); // "René,X\n" in Windows-1252
    const blob = new Blob([head, tail, 'Zoë,Y\n']);
    const format = await sniffCsv(blob);
    expect(format.encoding).toBe('utf-8');
    for (const chunk of [7, 1000, 1 << 20]) {
      const err = await all(blob, format, chunk).catch((e) => e);
      expect(err, `chunk ${chunk}`).toBeInstanceOf(CsvEncodingError);
      expect(err.line, `chunk ${chunk}`).toBe(9003);
      expect(err.message).toContain('9003');
    }
    await expect(scanCsv(blob, format)).rejects.toBeInstanceOf(CsvEncodingError);
    // The rep's choice: Windows-1252 reads René (and garbles the UTF-8 names, which the rep can see in the preview)…
    const latin = await scanCsv(blob, { ...format, encoding: 'windows-1252' });
    expect([...latin.distinct[0]!.keys()]).toContain('René');
    // …or UTF-8 with the one bad character shown as �.
    const lenient = await scanCsv(blob, { ...format, encoding: 'utf-8-lenient' });
    expect([...lenient.distinct[0]!.keys()]).toEqual(expect.arrayContaining(['Zoë Ångström', 'Ren\uFFFD', 'Zoë']));
  });

  it('reports a row whose quote never closes instead of failing the file', async () => {
    const file = fixtureFile('broken-quotes.csv');
    const records = await all(file, await sniffCsv(file), 16);
    expect(records[1]).toEqual({ row: 2, fields: ['Ann Lee', 'Acme', 'ann@acme.example'] });
    expect(records[2]?.problem).toEqual({ code: 'unclosedQuote', params: [] });
    expect(records[2]?.row).toBe(3);
  });

  it('refuses binary files and files with nothing in them, with a reason', async () => {
    await expect(sniffCsv(new Blob([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1])]))).rejects.toBeInstanceOf(
      CsvFileError,
    );
    await expect(sniffCsv(new Blob(['\n\n  \n']))).rejects.toBeInstanceOf(CsvFileError);
  });
});

describe('scanCsv', () => {
  it('counts rows and learns distinct values, date order and number style per column', async () => {
    const file = fixtureFile('semicolon-comma-decimals.csv');
    const scan = await scanCsv(file, await sniffCsv(file));
    expect(scan.header).toEqual(['Name', 'Firma', 'E-Mail', 'Wert', 'Abschlussdatum', 'Phase']);
    expect(scan.records).toBe(2);
    expect(scan.decimalComma[3]).toBe(2);
    expect(scan.dayFirst[4]).toBe(true);
    expect([...scan.distinct[5]!.entries()]).toEqual([
      ['Angebot', 1],
      ['Verhandlung', 1],
    ]);
    expect(scan.sample).toHaveLength(2);
  });
});
