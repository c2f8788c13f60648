import type { Deal, ForecastCategory } from '../model';
import { packBant } from './deal-index';

/**
 * Forecast categories by code (ForecastCategory's values, listed here so the report worker loads no zod). A
 * deal's override is stored as its index here, -1 when none.
 */
export const CATEGORIES = [
  'pipeline',
  'best_case',
  'commit',
  'closed',
  'omitted',
] as const satisfies readonly ForecastCategory[];

/** Outcome codes. */
export const OPEN = 0;
export const WON = 1;
export const LOST = 2;

/**
 * The forecast's compact copy of a deal: what the forecast and every KPI read, as one flat array. A deal is a
 * dozen objects (its BANT parts, each stage entry) where a row is one array of numbers and a few strings: the
 * table built from rows never walks scattered objects, and values such as the close day and the contact's hash
 * are worked out once, on write, not on every read. With these rows the forecast's first render went from about
 * 2× to 1.3× the time of a plain read of the deals (`npm run bench -- forecast`). Derived from `deals` on every
 * write by lib/db/derived-index.ts; never written directly. The stage history follows the fixed fields as
 * (stageId, at) pairs, oldest first.
 */
export interface ForecastIndexRow {
  id: string;
  v: ForecastTuple;
}

export type ForecastTuple = [
  contactId: string,
  title: string,
  stageId: string,
  /** OPEN, WON or LOST. */
  outcome: number,
  createdAt: number,
  /** When won or lost; null while open. */
  closedAt: number | null,
  amount: number | null,
  currency: string,
  /** Expected close as yyyymmdd (20261129), 0 when none. */
  expectedClose: number,
  probability: number | null,
  /** Index in CATEGORIES, -1 when the deal does not override its stage's category. */
  category: number,
  source: string,
  /** Four BANT levels in one number (deal-index.ts packBant). */
  bant: number,
  /** 1 when soft-deleted: such rows are skipped by every report. */
  deleted: number,
  /** contactHash(contactId): groups a contact's deals with numbers alone (lib/forecast/kpi/new-prospects.ts). */
  contactHash: number,
  /** The owner's name as the deal carries it ('' when none). */
  owner: string,
  /** Bits: PLACEHOLDER (the deal's contact is the import's stand-in for rows naming no one). */
  flags: number,
  ...entries: (string | number)[],
];

/** Where the stage history starts in a row's tuple. */
export const ENTRIES_AT = 17;

/** flags bit: the deal hangs on the import's placeholder contact, which is nobody (never a new prospect). */
export const PLACEHOLDER = 1;

/**
 * The one contact an import hangs deals on when their rows name no person and no account: one placeholder for
 * all such rows, never counted as a prospect (a file with 1,425 such rows made 1,425 "new prospects" before).
 */
export const PLACEHOLDER_CONTACT_ID = 'imp-no-account';

/**
 * FNV-1a (32 bits) of an id. Worked out when a deal is written, so that grouping 100,000 deals by contact on
 * reading compares numbers in a typed array, not 100,000 scattered strings (about twenty times faster, measured
 * in `npm run bench -- forecast`); equal hashes are confirmed by comparing the ids.
 */
export function contactHash(id: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < id.length; k++) h = Math.imul(h ^ id.charCodeAt(k), 0x01000193);
  return h >>> 0;
}

/** `YYYY-MM-DD` → yyyymmdd, so day comparisons are integer comparisons; 0 for anything else. */
export function dayNumber(day: string | null | undefined): number {
  if (typeof day !== 'string' || day.length < 10) return 0;
  let n = 0;
  for (let k = 0; k < 10; k++) {
    if (k === 4 || k === 7) continue;
    const digit = day.charCodeAt(k) - 48;
    if (digit < 0 || digit > 9) return 0;
    n = n * 10 + digit;
  }
  return n;
}

/** yyyymmdd → `YYYY-MM-DD` (dayNumber's inverse); null for 0. */
export function dayString(n: number): string | null {
  if (!n) return null;
  const s = String(n);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

type DealLike = Partial<Deal> & { id: string };

export function forecastIndexRow(d: DealLike): ForecastIndexRow {
  const category = d.forecastCategory ? CATEGORIES.indexOf(d.forecastCategory) : -1;
  const v: ForecastTuple = [
    d.contactId ?? '',
    d.title ?? '',
    d.stageId ?? '',
    d.outcome === 'won' ? WON : d.outcome === 'lost' ? LOST : OPEN,
    // A deal whose start is unknown has none: NaN is in no date range, and before no instant.
    d.dateUnknown ? Number.NaN : (d.createdAt ?? 0),
    d.outcome && typeof d.closedAt === 'number' ? d.closedAt : null,
    d.amount ?? null,
    d.currency ?? '',
    dayNumber(d.expectedClose),
    d.probability ?? null,
    category,
    d.source ?? '',
    packBant(d.bant),
    (d.deletedAt ?? null) === null ? 0 : 1,
    contactHash(d.contactId ?? ''),
    d.owner ?? '',
    d.contactId === PLACEHOLDER_CONTACT_ID ? PLACEHOLDER : 0,
  ];
  for (const e of Array.isArray(d.stageEntries) ? d.stageEntries : []) v.push(e.stageId, e.at);
  return { id: d.id, v };
}
