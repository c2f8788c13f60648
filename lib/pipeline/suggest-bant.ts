import type { ProspectorDb } from '../db/database';
import { AppError } from '../errors/app-error';
import { dayKey } from '../forecast/calendar';
import type { Activity, Bant, BantPart, Contact, Deal, ForecastCategory } from '../model';
import { BANT_KEYS, type BantKey } from '../model/bant-keys';
import { type Seniority, suggestAuthority } from './authority';
import { bantFromText, type EmailText, type TextSignal } from './bant-from-text';

/**
 * BANT suggestions: a level for a part where the record holds evidence for it. Stored with `confirmed: false`
 * (scoreBant counts them; the popup marks them "suggested") until the rep confirms or changes the part by hand.
 * A confirmed part is never touched again, nor is a closed deal. The rules:
 *
 * - Authority from the job title's seniority (lib/pipeline/authority.ts): C-level and VP 3, head/director and
 *   manager 2, individual contributor 1. An unrecognised title suggests nothing.
 * - Timeline from the expected close date: this calendar month 3, later this quarter 2, after this quarter 1,
 *   already passed on an open deal 1 (the date is slipping), no date 0.
 * - Budget from the deal amount: no amount 0, an amount 2, an amount the rep committed to (forecast category
 *   "commit", on the deal or its stage) 3.
 * - Need from the rep's flag (a contact tag such as "need" or "priority") 3, or from the rep's notes: urgency
 *   ("urgent", "ASAP", "mendesak", "segera"…) 3, a stated need ("looking for", "need", "butuh", "perlu"…) 2,
 *   a stated lack of need ("not interested", "tidak butuh"…) 1. No flag and nothing in the notes suggests nothing.
 * - Any part from what the prospect wrote in logged email threads (lib/pipeline/bant-from-text.ts: budget,
 *   decision maker, dates, urgency), quoting the sentence, when it says more than the record does (a higher level).
 */

export type TimelineBucket = 'month' | 'quarter' | 'later' | 'past' | 'none';
export const TIMELINE_LEVEL: Record<TimelineBucket, number> = { month: 3, quarter: 2, later: 1, past: 1, none: 0 };

export type SuggestionReason =
  | { part: 'authority'; seniority: Seniority; title: string }
  | { part: 'timeline'; bucket: TimelineBucket; expectedClose: string | null }
  | { part: 'budget'; amountSet: boolean; committed: boolean }
  | { part: 'need'; from: 'flag' | 'notes'; strength: 'urgent' | 'stated' | 'negative'; excerpt: string }
  | { part: BantKey; from: 'email'; signal: TextSignal; quote: string };

export interface BantSuggestion {
  level: number;
  reason: SuggestionReason;
}
export type BantSuggestions = Partial<Record<BantKey, BantSuggestion>>;

export interface BantEvidence {
  jobTitle: string;
  amount: number | null;
  /** The rep committed to the amount: forecast category "commit" on the deal or, failing that, its stage. */
  committed: boolean;
  expectedClose: string | null;
  /** The rep's notes about the contact, newest first. */
  notes: readonly string[];
  tags: readonly string[];
  /** What the prospect wrote in logged email threads, newest first (latestEmailTexts). */
  emails?: readonly EmailText[];
  /** The rep's today, `YYYY-MM-DD` in their time zone. */
  today: string;
}

export function timelineBucket(expectedClose: string | null, today: string): TimelineBucket {
  if (!expectedClose) return 'none';
  if (expectedClose < today) return 'past';
  const [ty, tm] = today.split('-').map(Number) as [number, number];
  const [cy, cm] = expectedClose.split('-').map(Number) as [number, number];
  if (cy === ty && cm === tm) return 'month';
  if (cy === ty && Math.floor((cm - 1) / 3) === Math.floor((tm - 1) / 3)) return 'quarter';
  return 'later';
}

const NEED_FLAGS = new Set(['need', 'needs', 'priority', 'hot', 'butuh', 'prioritas', 'urgent', 'mendesak']);
const URGENT =
  /\b(urgent(?:ly)?|asap|as soon as possible|critical|deadline|mendesak|segera|secepatnya|darurat|genting)\b/i;
const NEGATIVE =
  /\b(no (?:real )?need|not interested|doesn'?t need|don'?t need|tidak (?:butuh|perlu|tertarik|membutuhkan)|belum (?:butuh|perlu|tertarik)|tak (?:butuh|perlu))\b/i;
const STATED =
  /\b(needs?|needed|pain(?: point)?s?|problems?|issues?|challenges?|looking for|struggl\w*|requires?|requirements?|wants?|interested|butuh|membutuhkan|perlu|kebutuhan|masalah|kendala|mencari|tertarik|ingin)\b/i;

function excerptAround(text: string, match: RegExpExecArray): string {
  const start = Math.max(0, match.index - 40);
  const end = Math.min(text.length, match.index + match[0].length + 40);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

function suggestNeed(notes: readonly string[], tags: readonly string[]): BantSuggestion | null {
  const flag = tags.find((t) => NEED_FLAGS.has(t.trim().toLowerCase()));
  if (flag) return { level: 3, reason: { part: 'need', from: 'flag', strength: 'urgent', excerpt: flag } };
  // The newest note that says anything about need decides: a need stated last week outweighs one from last year.
  for (const raw of notes.slice(0, 50)) {
    const text = raw.slice(0, 5000);
    const negative = NEGATIVE.exec(text);
    if (negative)
      return {
        level: 1,
        reason: { part: 'need', from: 'notes', strength: 'negative', excerpt: excerptAround(text, negative) },
      };
    const urgent = URGENT.exec(text);
    if (urgent)
      return {
        level: 3,
        reason: { part: 'need', from: 'notes', strength: 'urgent', excerpt: excerptAround(text, urgent) },
      };
    const stated = STATED.exec(text);
    if (stated)
      return {
        level: 2,
        reason: { part: 'need', from: 'notes', strength: 'stated', excerpt: excerptAround(text, stated) },
      };
  }
  return null;
}

/** The suggestion for each part that has evidence. */
export function suggestBant(e: BantEvidence): BantSuggestions {
  const out: BantSuggestions = {};
  const authority = suggestAuthority(e.jobTitle);
  if (authority)
    out.authority = {
      level: authority.level,
      reason: { part: 'authority', seniority: authority.seniority, title: e.jobTitle },
    };
  const bucket = timelineBucket(e.expectedClose, e.today);
  out.timeline = {
    level: TIMELINE_LEVEL[bucket],
    reason: { part: 'timeline', bucket, expectedClose: e.expectedClose },
  };
  const amountSet = e.amount !== null;
  out.budget = {
    level: amountSet ? (e.committed ? 3 : 2) : 0,
    reason: { part: 'budget', amountSet, committed: amountSet && e.committed },
  };
  const need = suggestNeed(e.notes, e.tags);
  if (need) out.need = need;
  // What the prospect wrote counts where it says more than the record does.
  const written = bantFromText(e.emails ?? []);
  for (const key of BANT_KEYS) {
    const w = written[key];
    if (w && (out[key]?.level ?? 0) < w.level)
      out[key] = { level: w.level, reason: { part: key, from: 'email', signal: w.signal, quote: w.quote } };
  }
  return out;
}

/**
 * The BANT parts to store: each unconfirmed part whose suggested level differs from the stored one. Confirmed
 * parts are the rep's word and are left alone. Empty when nothing changes.
 */
export function suggestionPatch(bant: Bant, suggestions: BantSuggestions): Partial<Record<BantKey, BantPart>> {
  const patch: Partial<Record<BantKey, BantPart>> = {};
  for (const key of BANT_KEYS) {
    const s = suggestions[key];
    const part = bant[key];
    if (s && !part.confirmed && part.level !== s.level) patch[key] = { ...part, level: s.level, confirmed: false };
  }
  return patch;
}

/** The evidence a deal and its contact hold. `stageCategory` is the deal's stage's default forecast category. */
export function bantEvidence(
  deal: Pick<Deal, 'amount' | 'expectedClose' | 'forecastCategory'>,
  contact: Pick<Contact, 'jobTitle' | 'tags' | 'notes'> | undefined,
  notes: readonly string[],
  stageCategory: ForecastCategory | undefined,
  today: string,
  emails: readonly EmailText[] = [],
): BantEvidence {
  return {
    jobTitle: contact?.jobTitle ?? '',
    amount: deal.amount,
    committed: (deal.forecastCategory ?? stageCategory) === 'commit',
    expectedClose: deal.expectedClose,
    notes: contact?.notes ? [...notes, contact.notes] : notes,
    tags: contact?.tags ?? [],
    emails,
    today,
  };
}

const NO_DEAL = { amount: null, expectedClose: null, forecastCategory: null } as const;

/**
 * Whether two versions of a contact give its deals the same evidence (the same title, tags and notes field), so
 * the same suggestions: a write that changes only what the suggestions never read can leave its deals alone.
 * Compared through bantEvidence itself, so a field it comes to read is compared too. No stored version: differs.
 */
export function sameBantInputs(
  a: Pick<Contact, 'jobTitle' | 'tags' | 'notes'> | undefined,
  b: Pick<Contact, 'jobTitle' | 'tags' | 'notes'> | undefined,
): boolean {
  if (!a || !b) return false;
  const inputs = (c: typeof a) => JSON.stringify(bantEvidence(NO_DEAL, c, [], undefined, ''));
  return inputs(a) === inputs(b);
}

/** How many of a contact's newest notes the Need suggestion reads. */
export const NOTES_READ = 20;

/**
 * The text an activity gives the suggestions as evidence, or null. One rule for every reader: this file's and
 * the write path's (lib/pipeline/bant-on-write.ts).
 */
export function isBantEvidence(a: Pick<Activity, 'type' | 'payload'>): string | null {
  return a.type === 'note' && typeof a.payload?.text === 'string' ? a.payload.text : null;
}

/** The texts of a contact's newest notes, newest first: an indexed range of the contact's own activities. */
export async function latestNoteTexts(db: ProspectorDb, contactId: string, limit = NOTES_READ): Promise<string[]> {
  const notes = await db.activities
    .where('[contactId+at]')
    .between([contactId, -Infinity], [contactId, Infinity])
    .reverse()
    .filter((a) => isBantEvidence(a) !== null)
    .limit(limit)
    .toArray();
  return notes.map((a) => isBantEvidence(a)!);
}

/** How many logged email entries the suggestions read. */
export const EMAILS_READ = 20;

/** What prospects wrote in a logged email entry (the rep's own messages left out), newest first. */
export function emailTexts(a: Pick<Activity, 'type' | 'payload'>): EmailText[] {
  if (a.type !== 'email-logged' || !Array.isArray(a.payload.messages)) return [];
  const out: EmailText[] = [];
  for (const m of a.payload.messages as { text?: unknown; mine?: unknown; byContact?: unknown }[])
    if (!m.mine && typeof m.text === 'string' && m.text) out.unshift({ text: m.text, byContact: m.byContact === true });
  return out;
}

/** The texts of a contact's newest logged emails, newest first: an indexed range of the contact's activities. */
export async function latestEmailTexts(db: ProspectorDb, contactId: string, limit = EMAILS_READ): Promise<EmailText[]> {
  const logged = await db.activities
    .where('[contactId+at]')
    .between([contactId, -Infinity], [contactId, Infinity])
    .reverse()
    .filter((a) => a.type === 'email-logged')
    .limit(limit)
    .toArray();
  return logged.flatMap(emailTexts);
}

/**
 * Stores the current suggestions on a deal (unconfirmed parts only). A suggestion is the extension's, not the
 * rep's: it is written without a timeline entry, so "last activity" stays the rep's. Returns the parts changed.
 */
export async function refreshBantSuggestions(
  db: ProspectorDb,
  dealId: string,
  now: number,
  today = dayKey(now, 'local'),
): Promise<BantKey[]> {
  return db.transaction('rw', [db.deals, db.contacts, db.stages, db.activities], async () => {
    const deal = await db.deals.get(dealId);
    if (!deal || deal.deletedAt !== null) throw new AppError('error_noDeal');
    // A closed deal's BANT is a record of how it was qualified: leave it as it was.
    if (deal.outcome !== null) return [];
    const [contact, stage, notes, emails] = await Promise.all([
      db.contacts.get(deal.contactId),
      db.stages.get(deal.stageId),
      latestNoteTexts(db, deal.contactId),
      latestEmailTexts(db, deal.contactId),
    ]);
    const patch = suggestionPatch(
      deal.bant,
      suggestBant(bantEvidence(deal, contact, notes, stage?.forecastCategory, today, emails)),
    );
    const changed = Object.keys(patch) as BantKey[];
    if (changed.length) await db.deals.put({ ...deal, bant: { ...deal.bant, ...patch }, updatedAt: now });
    return changed;
  });
}
