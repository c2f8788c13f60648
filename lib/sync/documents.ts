import { z } from 'zod';
import { Activity, Contact, Deal, Stage, Task } from '../model';
import type { FieldTimes } from './field-times';
import type { SyncedTable } from './kinds';

/** The body of one shared record on the server: the record as stored locally, plus its field times. */
export interface TeamDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  kind?: string;
  data?: Record<string, unknown>;
  times?: FieldTimes;
  /** The team user who last wrote it (the design document checks it against the session). */
  by?: string;
}

/** A document as it arrives: checked before anything is written locally (a teammate's client may be older). */
export const IncomingDoc = z.object({
  _id: z.string().min(3).max(200),
  _rev: z.string().min(1).max(200),
  _deleted: z.boolean().optional(),
  kind: z.string().max(32).optional(),
  // Only that it is an object here: recordOf checks it field by field against its table's model, and a
  // z.record would copy every record once more for nothing (a third of a first pull's checking time).
  data: z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v)).optional(),
  times: z.record(z.string(), z.number()).optional(),
  by: z.string().max(200).optional(),
});
export type IncomingDoc = z.infer<typeof IncomingDoc>;

const MODELS: Record<SyncedTable, z.ZodType> = {
  contacts: Contact,
  deals: Deal,
  activities: Activity,
  tasks: Task,
  stages: Stage,
};

/** The record a document carries, valid for its table and id; null when it is not one Prospector can store. */
export function recordOf(table: SyncedTable, id: string, doc: IncomingDoc): Record<string, unknown> | null {
  const parsed = MODELS[table].safeParse(doc.data);
  if (!parsed.success) return null;
  const record = parsed.data as Record<string, unknown>;
  return record.id === id ? record : null;
}
