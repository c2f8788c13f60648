import type { Bant, Deal } from '../model';

/**
 * The board's view of a deal, packed small: reading 10,000 of these is several times faster than reading the
 * full deals (IndexedDB's structured clone pays per object and property), which is what lets the board's first
 * render stay within its budget. `stageId` is set only for live deals, so the board's index lists live deals
 * only. Derived from `deals` on every write by lib/db/derived-index.ts; never written directly.
 */
/** The index of live deals by stage and time in it (schema v4's `[stageId+e]`): the board's default order. */
export const STAGE_ENTERED_INDEX = '[stageId+e]';

export interface DealIndexRow {
  id: string;
  stageId?: string;
  /** When the live deal entered its stage: with stageId, the board's default order ([stageId+e]). */
  e?: number;
  v: DealTuple;
}

type DealTuple = [
  contactId: string,
  title: string,
  amount: number | null,
  currency: string,
  probability: number | null,
  owner: string,
  source: string,
  expectedClose: string | null,
  followUpAt: number | null,
  enteredAt: number,
  updatedAt: number,
  bant: number,
  outcome: 'won' | 'lost' | null,
];

/** What the board, its filters and sorts read: the deal's fields that appear on a card or in a header. */
export interface BoardDeal {
  id: string;
  contactId: string;
  title: string;
  stageId: string;
  amount: number | null;
  currency: string;
  probability: number | null;
  owner: string;
  source: string;
  expectedClose: string | null;
  followUpAt: number | null;
  /** When the deal entered its current stage. */
  enteredAt: number;
  updatedAt: number;
  bant: Bant;
  outcome: 'won' | 'lost' | null;
  deletedAt: number | null;
}

const level = (n: unknown) => (typeof n === 'number' && n >= 0 && n <= 3 ? Math.trunc(n) : 0);
const PARTS = ['budget', 'authority', 'need', 'timeline'] as const;

/** Four BANT levels (0–3 each) in one number, 0–255 (the forecast's rows keep it in a byte). */
export function packBant(b: Partial<Bant> | undefined): number {
  let packed = 0;
  PARTS.forEach((key, i) => {
    packed |= level(b?.[key]?.level) << (6 - 2 * i);
  });
  return packed;
}

/**
 * The board's BANT: packBant's levels, and which parts the rep confirmed (one bit each, above them), so a card
 * shows "BANT 50 · 1 of 4 confirmed" without reading the full deal. Rows stored before the confirmed bits
 * (schema v13 rebuilt them) read as nothing confirmed.
 */
export function packBoardBant(b: Partial<Bant> | undefined): number {
  let packed = packBant(b);
  PARTS.forEach((key, i) => {
    if (b?.[key]?.confirmed === true) packed |= 1 << (11 - i);
  });
  return packed;
}

const part = (packed: number, i: number) => ({
  level: (packed >> (6 - 2 * i)) & 3,
  note: '',
  confirmed: ((packed >> (11 - i)) & 1) === 1,
});

// 4,096 possible combinations: shared, frozen objects made on first use instead of five new ones per deal read.
const BANTS: (Bant | undefined)[] = [];

/** The BANT levels (and confirmations) packBant or packBoardBant packed (notes are not kept: a shared, frozen object). */
export function unpackBant(packed: number): Bant {
  const key = packed & 4095;
  let bant = BANTS[key];
  if (!bant) {
    bant = Object.freeze({ budget: part(key, 0), authority: part(key, 1), need: part(key, 2), timeline: part(key, 3) });
    BANTS[key] = bant;
  }
  return bant;
}

type DealLike = Partial<Deal> & { id: string };

export function dealIndexRow(d: DealLike): DealIndexRow {
  const live = (d.deletedAt ?? null) === null;
  const entered = Array.isArray(d.stageEntries) ? d.stageEntries.at(-1)?.at : undefined;
  const row: DealIndexRow = {
    id: d.id,
    v: [
      d.contactId ?? '',
      d.title ?? '',
      d.amount ?? null,
      d.currency ?? '',
      d.probability ?? null,
      d.owner ?? '',
      d.source ?? '',
      d.expectedClose ?? null,
      d.followUpAt ?? null,
      entered ?? d.createdAt ?? 0,
      d.updatedAt ?? 0,
      packBoardBant(d.bant),
      d.outcome ?? null,
    ],
  };
  if (live && typeof d.stageId === 'string') {
    row.stageId = d.stageId;
    row.e = row.v[9];
  }
  return row;
}

/** The board deal a row stands for (only live rows are read by the board). */
export function boardDeal(row: DealIndexRow): BoardDeal {
  const [contactId, title, amount, currency, probability, owner, source, expectedClose, followUpAt, enteredAt] = row.v;
  const [, , , , , , , , , , updatedAt, bant, outcome] = row.v;
  return {
    id: row.id,
    contactId,
    title,
    stageId: row.stageId ?? '',
    amount,
    currency,
    probability,
    owner,
    source,
    expectedClose,
    followUpAt,
    enteredAt,
    updatedAt,
    bant: unpackBant(bant),
    outcome,
    deletedAt: row.stageId === undefined ? 1 : null,
  };
}

/** A full deal as the board sees it (for unit tests and optimistic moves). */
export function toBoardDeal(deal: Deal): BoardDeal {
  return boardDeal(dealIndexRow(deal));
}
