import { z } from 'zod';
import { type MessageKey, t } from '../i18n';

/**
 * Every reason a row (or a vCard) of an imported file can be refused, each with the sentence that says it. A
 * problem is kept as its code and the values it names, never as words: it is found where the file is read (the
 * page, or the background writing a chunk) and put into words where the rep reads it, in the language they have
 * chosen at that moment (the report on screen, the problems CSV when it is downloaded).
 */
const WORDS = {
  amount: 'io_problemAmount',
  closeBeforeCreate: 'io_problemCloseBeforeCreate',
  currency: 'io_problemCurrency',
  date: 'io_problemDate',
  duplicateRow: 'io_problemDuplicateRow',
  email: 'io_problemEmail',
  extraValues: 'io_problemExtraValues',
  invalid: 'io_problemInvalid',
  nameOnly: 'io_problemNameOnly',
  negative: 'io_problemNegative',
  noCloseDate: 'io_problemNoCloseDate',
  noIdentity: 'io_problemNoIdentity',
  noStage: 'io_problemNoStage',
  tooLong: 'io_problemTooLong',
  unclosedQuote: 'io_problemUnclosedQuote',
  unknownStage: 'io_problemUnknownStage',
} as const satisfies Record<string, MessageKey>;

const MAX_PARAM = 300;

export type RowProblemCode = keyof typeof WORDS;
export const ROW_PROBLEM_CODES = Object.keys(WORDS) as [RowProblemCode, ...RowProblemCode[]];

/** A problem's code and the values its sentence names (a column's header, the value found, a row number). */
export const ProblemWhy = z.object({
  code: z.enum(ROW_PROBLEM_CODES),
  params: z.array(z.string().max(MAX_PARAM)).max(4).default([]),
});
export type ProblemWhy = z.infer<typeof ProblemWhy>;

/**
 * One refused row: its number (the file's line for a CSV, the card's number for a vCard) and why. `cardLine`: a
 * vCard's problem also names the line its card starts on.
 */
export const RowProblem = ProblemWhy.extend({
  row: z.number().int().nonnegative(),
  cardLine: z.number().int().positive().optional(),
});
export type RowProblem = z.infer<typeof RowProblem>;

/** A problem found while building a row: thrown inside the row's mapping, caught as one refused row. */
export class RowError extends Error {
  readonly why: ProblemWhy;
  constructor(code: RowProblemCode, ...params: (string | number)[]) {
    super([code, ...params].join(' '));
    this.name = 'RowError';
    this.why = why(code, ...params);
  }
}

/** Why, as a value to keep (`problem('email', header, value)`). */
export function why(code: RowProblemCode, ...params: (string | number)[]): ProblemWhy {
  // A cell can be long: the sentence quotes its start.
  return { code, params: params.map((p) => String(p).slice(0, MAX_PARAM)) };
}

/** The line of the file a problem is on, as the report's "Line" column shows it: a vCard's is where its card starts. */
export function problemLine(p: { row: number; cardLine?: number }): number {
  return p.cardLine ?? p.row;
}

/** A refused row in words, in the current language. */
export function describeRowProblem(p: ProblemWhy & { cardLine?: number }): string {
  const words = t(WORDS[p.code], ...p.params);
  return p.cardLine === undefined ? words : t('io_problemCard', p.cardLine, words);
}
