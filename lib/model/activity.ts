// Jitless before this module builds its schemas (lib/zod-setup.ts says why).
import '../zod-setup';
import { z } from 'zod';
import { Id, MAX_PAYLOAD, newId, Timestamp } from './common';

export const ActivityType = z.enum([
  'captured',
  'updated',
  'stage-changed',
  'note',
  'follow-up-set',
  'follow-up-done',
  'imported',
  'merged',
  'deleted',
  'restored',
  /** A deal was started for the contact (a lead became a deal): { stageId }. */
  'deal-started',
  /** An email thread the rep logged: { subject, date, participants, excerpt, url } (lib/pipeline/log-email.ts). */
  'email-logged',
]);
export type ActivityType = z.infer<typeof ActivityType>;

/** The message of the size check on payloads, which lib/io/backup-read.ts turns into words for the rep. */
export const PAYLOAD_TOO_BIG = 'payload_too_big';

export const Activity = z.object({
  id: Id,
  contactId: Id,
  dealId: Id.nullable().default(null),
  type: ActivityType,
  at: Timestamp,
  /** Type-specific details: stage-changed carries { from, to }; note carries { text }; captured carries { url, site }. */
  payload: z
    .record(z.string().max(64), z.unknown())
    .refine((p) => payloadSize(p) <= MAX_PAYLOAD, { message: PAYLOAD_TOO_BIG })
    .default({}),
});
export type Activity = z.infer<typeof Activity>;

/**
 * The size of an activity's details: the characters of its keys and strings, and a few for every other value,
 * nested at most 8 deep (deeper counts as over any limit). Characters as typed, not as JSON escapes them, so a
 * note of MAX_NOTE quote marks still fits.
 */
export function payloadSize(payload: unknown, depth = 0): number {
  if (typeof payload === 'string') return payload.length;
  if (payload === null || typeof payload !== 'object') return 8;
  if (depth >= 8) return Number.POSITIVE_INFINITY;
  let size = 2;
  for (const [key, value] of Object.entries(payload)) {
    size += key.length + payloadSize(value, depth + 1);
    if (size > MAX_PAYLOAD) return size;
  }
  return size;
}

/** A new entry of a contact's timeline (dealId null: about the contact, not one of their deals). */
export function newActivity(
  contactId: string,
  dealId: string | null,
  type: ActivityType,
  at: number,
  payload: Record<string, unknown> = {},
): Activity {
  return { id: newId(), contactId, dealId, type, at, payload };
}
