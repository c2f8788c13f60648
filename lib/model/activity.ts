// Jitless before this module builds its schemas (lib/zod-setup.ts says why).
import '../zod-setup';
import { z } from 'zod';
import { Id, newId, Timestamp } from './common';

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
]);
export type ActivityType = z.infer<typeof ActivityType>;

export const Activity = z.object({
  id: Id,
  contactId: Id,
  dealId: Id.nullable().default(null),
  type: ActivityType,
  at: Timestamp,
  /** Type-specific details: stage-changed carries { from, to }; note carries { text }; captured carries { url, site }. */
  payload: z.record(z.string(), z.unknown()).default({}),
});
export type Activity = z.infer<typeof Activity>;

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
