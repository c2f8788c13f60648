// Jitless before this module builds its schemas (lib/zod-setup.ts says why).
import '../zod-setup';
import { z } from 'zod';
import { Currency, Id, IsoDay, MAX_NOTE, MAX_STAGE_ENTRIES, Text, Timestamp } from './common';
import { ForecastCategory } from './stage';

/** 0 unknown, 1 weak, 2 partial, 3 strong. `confirmed` false means the value is a suggestion from evidence. */
export const BantPart = z.object({
  level: z.number().int().min(0).max(3).default(0),
  note: z.string().max(MAX_NOTE).default(''),
  confirmed: z.boolean().default(false),
});
export type BantPart = z.infer<typeof BantPart>;

export const Bant = z.object({
  budget: BantPart.default({ level: 0, note: '', confirmed: false }),
  authority: BantPart.default({ level: 0, note: '', confirmed: false }),
  need: BantPart.default({ level: 0, note: '', confirmed: false }),
  timeline: BantPart.default({ level: 0, note: '', confirmed: false }),
});
export type Bant = z.infer<typeof Bant>;
export { BANT_KEYS, type BantKey } from './bant-keys';

/** One entry per stage the deal entered, oldest first. Kept on the deal so KPIs need not read activities. */
export const StageEntry = z.object({ stageId: Id, at: Timestamp });
export type StageEntry = z.infer<typeof StageEntry>;

export const Outcome = z.enum(['won', 'lost']);

export const Deal = z.object({
  id: Id,
  contactId: Id,
  title: Text,
  stageId: Id,
  /** Integer minor units (cents, sen). null = not known yet, never silently zero. */
  amount: z.number().int().nonnegative().nullable().default(null),
  currency: Currency,
  expectedClose: IsoDay.nullable().default(null),
  /** Overrides the stage's probability when set, 0..1. */
  probability: z.number().min(0).max(1).nullable().default(null),
  forecastCategory: ForecastCategory.nullable().default(null),
  bant: Bant.default({
    budget: { level: 0, note: '', confirmed: false },
    authority: { level: 0, note: '', confirmed: false },
    need: { level: 0, note: '', confirmed: false },
    timeline: { level: 0, note: '', confirmed: false },
  }),
  owner: Text.default(''),
  /** Where the deal came from: a site id ('linkedin', 'gmail', 'web'…) or 'import'. */
  source: Text.default(''),
  stageEntries: z.array(StageEntry).max(MAX_STAGE_ENTRIES).default([]),
  followUpAt: Timestamp.nullable().default(null),
  followUpNote: Text.default(''),
  createdAt: Timestamp,
  /**
   * True when the deal's start is not known (an imported row with no date, kept undated at the rep's choice):
   * `createdAt` is then the import's time, and reports leave the deal out of everything counted by start date.
   * Absent (every deal stored before it existed) means false.
   */
  dateUnknown: z.boolean().optional(),
  updatedAt: Timestamp,
  closedAt: Timestamp.nullable().default(null),
  outcome: Outcome.nullable().default(null),
  lostReason: Text.default(''),
  deletedAt: Timestamp.nullable().default(null),
});
export type Deal = z.infer<typeof Deal>;
