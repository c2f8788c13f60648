// Issue #15.4: a stray quote is read as Excel reads it and never swallows the rows after it; the report's row
// numbers are the file's physical lines. Through the whole import (scan, map, the background's writes).
import { describe, expect, it } from 'vitest';
import type { ProspectorDb } from '@/lib/db/database';
import { sniffCsv } from '@/lib/io/csv-read';
import { CsvRecordReader } from '@/lib/io/csv-records';
import { guessMapping } from '@/lib/io/guess-columns';
import { describeRowProblem } from '@/lib/io/row-problem';
import { runCsvImport, type SendChunk } from '@/lib/io/run-import';
import { scanCsv } from '@/lib/io/scan-csv';
import { protocol } from '@/lib/messaging/protocol';
import { writeImportChunk } from '@/lib/pipeline/import-rows';
import { freshDb } from '../helpers';

const NOW = Date.UTC(2026, 10, 29, 9);

function sendTo(db: ProspectorDb): SendChunk {
  return async (chunk) => {
    const parsed = protocol['import.chunk'].request.parse(chunk);
    return protocol['import.chunk'].response.parse(await writeImportChunk(db, parsed, { now: NOW, owner: 'Me' }));
  };
}

async function importFile(db: ProspectorDb, file: File) {
  const scan = await scanCsv(file, await sniffCsv(file));
  return runCsvImport({
    file,
    format: scan.format,
    context: {
      headers: scan.header,
      mapping: guessMapping(scan.header),
      stages: await db.stages.toArray(),
      stageValues: {},
      currency: 'USD',
      dateOrder: 'mdy',
      numberStyle: 'dot',
      newContactStageId: 'prospecting',
    },
    send: sendTo(db),
    fileName: file.name,
    onMatch: 'merge',
    fieldSources: {},
    startedAt: NOW,
  });
}

function read(text: string, delimiter = ',', piece = text.length || 1) {
  const reader = new CsvRecordReader(delimiter);
  const out = [];
  for (let i = 0; i < text.length; i += piece) out.push(...reader.push(text.slice(i, i + piece), false));
  out.push(...reader.push('', true));
  return out;
}

describe('CSV read as Excel reads it', () => {
  it('keeps a stray quote as written and reads on to the next delimiter, never past the line', () => {
    for (const piece of [1, 2, 3, 1000]) {
      expect(read('Name,Co\n"Bad8" Row8,Acme\nAnn,Beta\n', ',', piece), `piece ${piece}`).toEqual([
        { line: 1, fields: ['Name', 'Co'] },
        { line: 2, fields: ['"Bad8" Row8', 'Acme'] },
        { line: 3, fields: ['Ann', 'Beta'] },
      ]);
      // A quote inside a value is literal; "" in a quoted value is one quote; a delimiter in quotes is text.
      expect(read('say "hi",x\r\n"a ""b"", c",d\r\n', ',', piece)).toEqual([
        { line: 1, fields: ['say "hi"', 'x'] },
        { line: 2, fields: ['a "b", c', 'd'] },
      ]);
      // A quoted value over lines counts its lines; CR LF split between pieces is one line break.
      expect(read('"one\r\ntwo",x\r\nnext,y', ',', piece)).toEqual([
        { line: 1, fields: ['one\r\ntwo', 'x'] },
        { line: 3, fields: ['next', 'y'] },
      ]);
    }
  });

  it('an unclosed quote costs only its own line', () => {
    for (const piece of [1, 5, 1000]) {
      expect(read('a,b\n"Broken,Co\nAnn,Beta\nBob,Gamma\n', ',', piece), `piece ${piece}`).toEqual([
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['"Broken', 'Co'], unclosed: true },
        { line: 3, fields: ['Ann', 'Beta'] },
        { line: 4, fields: ['Bob', 'Gamma'] },
      ]);
    }
    // Far from the end of the file, the quote gives up after MAX_RECORD_LINES lines, not at the end.
    const many = Array.from({ length: 1000 }, (_, i) => `P${i},C${i}`).join('\n');
    const records = read(`x,y\n"Open,Z\n${many}\n`);
    expect(records).toHaveLength(1002);
    expect(records[1]).toMatchObject({ line: 2, unclosed: true });
    expect(records.at(-1)).toEqual({ line: 1002, fields: ['P999', 'C999'] });
  });

  it('imports 10,000 of 10,000 good rows from a file with stray and unclosed quotes, reporting exact lines', async () => {
    const lines = ['Name,Company,Email,Notes'];
    const unclosedLines: number[] = [];
    const strayNames: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      if (i % 1000 === 500) {
        strayNames.push(`"Bad${i}" Row${i}`);
        lines.push(`"Bad${i}" Row${i},Stray Co,bad${i}@stray.test,`);
      }
      if (i % 2500 === 7) {
        lines.push(`"Broken${i},Open Co,broken${i}@open.test,`);
        unclosedLines.push(lines.length);
      }
      // Some notes take two lines: physical lines and records part ways.
      if (i % 3000 === 11) lines.push(`Person ${i},Acme ${i},p${i}@acme.test,"first line`, 'second line"');
      else lines.push(`Person ${i},Acme ${i},p${i}@acme.test,`);
    }
    const db = await freshDb();
    const report = await importFile(db, new File([`${lines.join('\r\n')}\r\n`], 'stray.csv', { type: 'text/csv' }));
    expect(report.error).toBeUndefined();
    expect(report.problems.map((p) => p.row)).toEqual(unclosedLines);
    for (const p of report.problems) expect(p.code).toBe('unclosedQuote');
    expect(describeRowProblem(report.problems[0]!)).toMatch(/never closed/);
    const contacts = await db.contacts.toArray();
    const good = contacts.filter((c) => /^Person \d+$/.test(c.name));
    expect(good).toHaveLength(10_000);
    expect(new Set(good.map((c) => c.emails[0])).size).toBe(10_000);
    // The stray rows are kept as written, as Excel shows them.
    expect(contacts.filter((c) => c.company === 'Stray Co').map((c) => c.name)).toEqual(
      expect.arrayContaining(strayNames),
    );
    expect(report.rowsImported).toBe(10_000 + strayNames.length);
    expect((await db.contacts.where('emails').equals('p11@acme.test').first())?.notes).toBe(
      'first line\r\nsecond line',
    );
  }, 120_000);
});
