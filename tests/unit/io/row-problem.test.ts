import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale, t } from '@/lib/i18n';
import { compactRow } from '@/lib/io/import-row';
import { mapCsvRow, type RowMapContext } from '@/lib/io/map-row';
import { problemsToCsv } from '@/lib/io/problems-csv';
import { describeRowProblem, ROW_PROBLEM_CODES, RowError, RowProblem, why } from '@/lib/io/row-problem';
import { protocol } from '@/lib/messaging/protocol';
import { MAX_TEXT } from '@/lib/model';
import { DEFAULT_PIPELINE, stagesFromTemplate } from '@/lib/pipeline/default-stages';
import { writeImportChunk } from '@/lib/pipeline/import-rows';
import { freshDb } from '../helpers';

const NOW = Date.UTC(2026, 10, 29, 9);
const stages = stagesFromTemplate(DEFAULT_PIPELINE, (k) => t(k));
const headers = ['Name', 'Company', 'Email', 'Currency', 'Amount'];
const ctx: RowMapContext = {
  headers,
  mapping: ['name', 'company', 'email', 'currency', 'amount'],
  stages,
  stageValues: {},
  currency: 'USD',
  dateOrder: 'mdy',
  numberStyle: 'dot',
  newContactStageId: 'prospecting',
};
const problemOf = (fields: string[], c: RowMapContext = ctx) => {
  const r = mapCsvRow(fields, 4, c);
  if (r.kind !== 'problem') throw new Error(`no problem: ${JSON.stringify(r)}`);
  return r.problem;
};

afterEach(() => setLocale('en'));

describe('import problems as codes', () => {
  // Sample values for each code's blanks: the sentence must name every one of them, in both languages.
  const SAMPLES: Record<(typeof ROW_PROBLEM_CODES)[number], string[]> = {
    amount: ['Amount', 'lots'],
    closeBeforeCreate: ['2024-01-02', '2024-03-04'],
    currency: ['Currency', 'RUPIAH'],
    date: ['Close', '2016-13-45'],
    duplicateRow: ['17'],
    email: ['Email', 'nope'],
    extraValues: ['10', '8'],
    invalid: ['contact.emails', 'Too big'],
    nameOnly: [],
    negative: ['Amount', '-20'],
    noCloseDate: ['Won'],
    noIdentity: [],
    noStage: [],
    tooLong: ['Notes', '500'],
    unclosedQuote: [],
    unknownStage: ['qualified'],
  };
  for (const code of ROW_PROBLEM_CODES)
    it(`${code}: says it in English and Bahasa Indonesia, naming its values`, () => {
      const p = { row: 3, ...why(code, ...SAMPLES[code]) };
      expect(RowProblem.parse(p)).toEqual(p);
      const en = describeRowProblem(p);
      setLocale('id');
      const id = describeRowProblem(p);
      for (const words of [en, id]) {
        expect(words).not.toMatch(/\$\d|io_problem/);
        for (const value of SAMPLES[code]) expect(words).toContain(value);
      }
      expect(id).not.toBe(en);
    });

  it('problems are found as codes while mapping a row, whatever the language at that moment', () => {
    setLocale('id');
    expect(problemOf(['Ayu', 'Acme', 'ayu@acme.test', 'RUPIAH', '5'])).toEqual({
      row: 4,
      code: 'currency',
      params: ['Currency', 'RUPIAH'],
    });
    expect(problemOf(['Ayu', 'Acme', 'ayu@acme.test', '', '-5']).code).toBe('negative');
    expect(problemOf([`${'x'.repeat(600)}`, 'Acme', '', '', ''])).toMatchObject({
      code: 'tooLong',
      params: ['Name', String(MAX_TEXT)],
    });
    expect(problemOf(['Ayu', '', '', '', '']).code).toBe('nameOnly');
    // A contact file (no deal columns): a row with only a note names no one.
    const contactFile = { ...ctx, mapping: ['name', 'company', 'email', 'currency', 'notes'] } satisfies RowMapContext;
    expect(problemOf(['', '', '', '', 'call back'], contactFile).code).toBe('noIdentity');
    expect(problemOf(['Ayu', 'Acme', '', '', '5'], { ...ctx, stages: [] }).code).toBe('noStage');
    setLocale('en');
    expect(describeRowProblem(problemOf(['Ayu', 'Acme', 'ayu@acme.test', 'RUPIAH', '5']))).toBe(
      '“RUPIAH” in “Currency” is not a three-letter currency code (such as USD or IDR).',
    );
  });

  it('a long value is quoted by its start, so every problem fits the message that carries it', () => {
    const err = new RowError('date', 'Close', 'y'.repeat(5000));
    expect(err.why.params[1]).toHaveLength(300);
    expect(RowProblem.safeParse({ row: 1, ...err.why }).success).toBe(true);
    expect(RowProblem.safeParse({ row: 1, code: 'no-such-code', params: [] }).success).toBe(false);
  });

  it('the background refuses a row whose stage is gone with a code, not words in its own language', async () => {
    const db = await freshDb();
    const r = mapCsvRow(['Ayu', 'Acme', 'ayu@acme.test', '', '5'], 9, ctx);
    if (r.kind !== 'row' || !r.row.deal) throw new Error('expected a row with a deal');
    const row = compactRow({ ...r.row, deal: { ...r.row.deal, stageId: 'removed-stage' } });
    const chunk = protocol['import.chunk'].request.parse({
      fileName: 'people.csv',
      startedAt: NOW,
      onMatch: 'merge',
      rows: [row],
    });
    setLocale('id');
    const result = protocol['import.chunk'].response.parse(
      await writeImportChunk(db, chunk, { now: NOW, owner: 'Me' }),
    );
    expect(result.problems).toEqual([{ row: 9, code: 'unknownStage', params: ['removed-stage'] }]);
  });

  it("the problems CSV is in the rep's language when downloaded, with each problem's exact line", () => {
    const problems = [
      { row: 7, ...why('email', 'Email', 'nope'), fields: ['Ayu', 'Acme', 'nope', '', ''] },
      { row: 12, cardLine: 40, ...why('noIdentity') },
    ];
    setLocale('id');
    const rows = (csv: string) => Papa.parse<string[]>(csv.trim()).data;
    const id = rows(problemsToCsv(problems, headers));
    expect(id).toEqual([
      ['Baris', 'Masalah', ...headers],
      ['7', '“nope” di “Email” bukan alamat email.', 'Ayu', 'Acme', 'nope', '', ''],
      [
        '40',
        'Kartu yang dimulai di baris 40: Tidak ada nama, email, telepon, profil LinkedIn, atau perusahaan.',
        '',
        '',
        '',
        '',
        '',
      ],
    ]);
    // The same stored problems, downloaded again after switching back to English.
    setLocale('en');
    const en = rows(problemsToCsv(problems, headers));
    expect(en[0]?.slice(0, 2)).toEqual(['Line', 'Problem']);
    expect(en[1]?.slice(0, 2)).toEqual(['7', '“nope” in “Email” is not an email address.']);
  });
});
