import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { t } from '@/lib/i18n';
import { guessMapping } from '@/lib/io/guess-columns';
import { compactRow, ImportRow } from '@/lib/io/import-row';
import { mapCsvRow, type RowMapContext } from '@/lib/io/map-row';
import { describeRowProblem, RowProblem } from '@/lib/io/row-problem';
import { DEFAULT_PIPELINE, stagesFromTemplate } from '@/lib/pipeline/default-stages';

const stages = stagesFromTemplate(DEFAULT_PIPELINE, (k) => t(k));
const headers = [
  'opportunity_id',
  'sales_agent',
  'product',
  'account',
  'deal_stage',
  'engage_date',
  'close_date',
  'close_value',
  'Email',
  'Phone',
  'Name',
];
const ctx: RowMapContext = {
  headers,
  mapping: guessMapping(headers),
  stages,
  stageValues: { won: 'won', lost: 'lost', engaging: 'initial_contact' },
  currency: 'USD',
  dateOrder: 'mdy',
  numberStyle: 'dot',
  newContactStageId: 'prospecting',
};

describe('mapCsvRow', () => {
  it('turns a generic opportunity row into a contact (the account) and a deal', () => {
    const r = mapCsvRow(
      ['X1', 'Ayu', 'GTX Pro', 'Acme Corp', 'Won', '2024-01-02', '2024-02-03', '1,000.50', '', '', ''],
      2,
      ctx,
    );
    expect(r).toEqual({
      kind: 'row',
      row: {
        row: 2,
        createdAt: Date.UTC(2024, 0, 2, 12),
        contact: expect.objectContaining({ name: 'Acme Corp', company: 'Acme Corp', emails: [] }),
        deal: {
          key: 'id:X1',
          externalId: 'X1',
          title: 'GTX Pro — Acme Corp',
          stageId: 'won',
          amount: 100050,
          currency: 'USD',
          owner: 'Ayu',
          closedAt: Date.UTC(2024, 1, 3, 12),
          expectedClose: '2024-02-03',
          lostReason: '',
        },
      },
    });
  });

  it('skips empty rows and explains bad ones', () => {
    expect(mapCsvRow(['', ' ', ''], 5, ctx)).toEqual({ kind: 'empty' });
    const bad = mapCsvRow(['X2', 'Ayu', 'GTX', 'Acme', 'Won', '2024-01-02', '2024-02-03', '1', 'nope', '', ''], 7, ctx);
    expect(bad).toEqual({ kind: 'problem', problem: { row: 7, code: 'email', params: ['Email', 'nope'] } });
    expect(bad.kind === 'problem' && describeRowProblem(bad.problem)).toBe(
      '“nope” in “Email” is not an email address.',
    );
  });

  it('never throws; every row it accepts is valid, and the same after compaction for the message (property)', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        'Won',
        'Lost',
        'Engaging',
        '2024-02-30',
        '12/31/2024',
        '1,234.5',
        '-3',
        'a@b.co',
        '+62 21 5550',
        '',
      ),
      fc.string({ minLength: 480, maxLength: 600 }),
    );
    fc.assert(
      fc.property(fc.array(cell, { minLength: 0, maxLength: 13 }), fc.integer({ min: 2, max: 1e6 }), (fields, row) => {
        const r = mapCsvRow(fields, row, ctx);
        if (r.kind === 'row') {
          expect(ImportRow.safeParse(r.row).success).toBe(true);
          // What the page sends (defaults left out) is the same row once the background has parsed it.
          expect(ImportRow.parse(compactRow(r.row))).toEqual(r.row);
        }
        // Every problem is one the report can put into words, and fits the message that carries it.
        if (r.kind === 'problem') expect(RowProblem.parse(r.problem)).toEqual(r.problem);
      }),
      { numRuns: 2000 },
    );
  });
});
