import { z } from 'zod';
import { Currency, Id, IsoDay, MAX_LIST, MAX_NOTE, Text, Timestamp } from '../model';
import { RowProblem } from './row-problem';

export { RowProblem };

/**
 * One row of an import (a CSV line or a vCard), mapped and checked on the options page, checked again by the
 * background on receipt (lib/messaging/protocol.ts 'import.chunk'), then written by lib/pipeline/import-rows.ts.
 */
export const ImportContact = z.object({
  name: Text.default(''),
  givenName: Text.default(''),
  familyName: Text.default(''),
  jobTitle: Text.default(''),
  company: Text.default(''),
  /** Lower-case, so the emails index finds them (find-contact.ts looks up lower-case addresses). */
  emails: z.array(Text).max(MAX_LIST).default([]),
  phones: z.array(Text).max(MAX_LIST).default([]),
  urls: z.array(Text).max(MAX_LIST).default([]),
  linkedinUrl: Text.default(''),
  location: Text.default(''),
  tags: z.array(Text).max(MAX_LIST).default([]),
  notes: z.string().max(MAX_NOTE).default(''),
});
export type ImportContact = z.infer<typeof ImportContact>;

export const ImportDeal = z.object({
  /**
   * What makes this deal the same deal when the file is imported again: the file's deal id (`id:…`) or, without
   * one, a digest of the row (`row:…`). Combined with the contact's id into the stored deal's id. null: the deal a
   * capture would make — created only when the row's contact is new.
   */
  key: z.string().min(1).max(600).nullable(),
  /** The file's own deal id, as written (our CSV export writes our deal ids: re-importing it adds nothing). */
  externalId: Text.default(''),
  title: Text,
  stageId: Id,
  /** Integer minor units of `currency`; null when the file has no amount. */
  amount: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).nullable(),
  currency: Currency,
  owner: Text.default(''),
  /** When a won or lost deal closed (required for those); null for open deals. */
  closedAt: Timestamp.nullable().default(null),
  expectedClose: IsoDay.nullable().default(null),
  lostReason: Text.default(''),
});
export type ImportDeal = z.infer<typeof ImportDeal>;

export const ImportRow = z.object({
  /** The row's number as a spreadsheet shows it (the header is row 1), or the card's number in a vCard file. */
  row: z.number().int().positive(),
  contact: ImportContact,
  deal: ImportDeal.nullable(),
  /** When the prospect was first engaged (engage or create date); null: unknown, the import time is used. */
  createdAt: Timestamp.nullable().default(null),
});
export type ImportRow = z.infer<typeof ImportRow>;
export type ImportRowInput = z.input<typeof ImportRow>;

/** What to do with a row that is someone already stored: merge (as a capture would) or leave them as they are. */
export const OnMatch = z.enum(['merge', 'keep']);
export type OnMatch = z.infer<typeof OnMatch>;

export const MAX_CHUNK_ROWS = 2000;

/**
 * What the import does with history the file leaves open, as the rep chose in the wizard:
 * - `undated`: a deal row with no date is dated today (the import's time), at the file's earliest date, or kept
 *   undated (Deal.dateUnknown: in no count by start date, open since before the data began);
 * - `closedFrom`: the stage a won or lost deal's history starts at (the stage the file's "Engaging" means, say),
 *   null for the first open stage.
 */
export const ImportHistory = z.object({
  undated: z.enum(['today', 'earliest', 'undated']).default('today'),
  earliest: Timestamp.nullable().default(null),
  closedFrom: Id.nullable().default(null),
});
export type ImportHistory = z.infer<typeof ImportHistory>;
export const DEFAULT_HISTORY: ImportHistory = { undated: 'today', earliest: null, closedFrom: null };

/**
 * A row without the fields that hold their schema's default ('' and [] in the contact; empty optional deal
 * fields; no creation date): the message the page serialises is about half as long, and the background's parse
 * of ImportRow puts the defaults back, so what it sees is the same row.
 */
export function compactRow(row: ImportRow): ImportRowInput {
  const contact: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row.contact)) {
    if (v !== '' && !(Array.isArray(v) && v.length === 0)) contact[k] = v;
  }
  let deal: Record<string, unknown> | null = null;
  if (row.deal) {
    deal = {};
    for (const [k, v] of Object.entries(row.deal)) {
      const optional =
        k === 'externalId' || k === 'owner' || k === 'lostReason' || k === 'closedAt' || k === 'expectedClose';
      if (!(optional && (v === '' || v === null))) deal[k] = v;
    }
  }
  const out: Record<string, unknown> = { row: row.row, contact, deal };
  if (row.createdAt !== null) out.createdAt = row.createdAt;
  return out as ImportRowInput;
}

export const ImportChunk = z.object({
  fileName: Text,
  /**
   * When the import began (the same for all its chunks): the time its records are stamped with, and how the
   * background knows a contact was made by an earlier chunk of this same import.
   */
  startedAt: Timestamp,
  onMatch: OnMatch,
  /** Per contact field, where it came from in the file (a column header, a vCard property): the provenance. */
  fieldSources: z.record(z.string().max(64), Text).default({}),
  history: ImportHistory.default(DEFAULT_HISTORY),
  rows: z.array(ImportRow).max(MAX_CHUNK_ROWS),
});
export type ImportChunk = z.infer<typeof ImportChunk>;
export type ImportChunkInput = z.input<typeof ImportChunk>;

export const ImportCounts = z.object({
  contactsCreated: z.number().int(),
  contactsMerged: z.number().int(),
  contactsUnchanged: z.number().int(),
  dealsCreated: z.number().int(),
  dealsExisting: z.number().int(),
  /** Deals with no account or person: hung on the one placeholder contact ("No account"). */
  placeholders: z.number().int(),
  /** Deals whose row had no date: dated as ImportHistory.undated says. */
  undatedDeals: z.number().int().default(0),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

export const ImportChunkResult = ImportCounts.extend({ problems: z.array(RowProblem) });
export type ImportChunkResult = z.infer<typeof ImportChunkResult>;

export function emptyCounts(): ImportCounts {
  return {
    contactsCreated: 0,
    contactsMerged: 0,
    contactsUnchanged: 0,
    dealsCreated: 0,
    dealsExisting: 0,
    placeholders: 0,
    undatedDeals: 0,
  };
}

export function addCounts(a: ImportCounts, b: ImportCounts): ImportCounts {
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof ImportCounts)[]) out[k] += b[k];
  return out;
}
