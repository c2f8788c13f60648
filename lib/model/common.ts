// Jitless before this module builds its schemas (lib/zod-setup.ts says why).
import '../zod-setup';
import { z } from 'zod';

import { MAX_TEXT } from './limits';

export { MAX_FIELDS, MAX_LIST, MAX_NOTE, MAX_PAYLOAD, MAX_STAGE_ENTRIES, MAX_TEXT } from './limits';

export const Id = z.string().min(1).max(64);
/** Milliseconds since the epoch: compact, indexable, sortable. */
export const Timestamp = z.number().int().nonnegative();
/** A calendar day, `YYYY-MM-DD`, as a string so it sorts and indexes in order. */
export const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const Text = z.string().max(MAX_TEXT);
export const Currency = z.string().regex(/^[A-Z]{3}$/);

export function newId(): string {
  return crypto.randomUUID();
}
