import { CONTACT_FIELDS } from '../model/contact';
import { withKeys } from '../pipeline/merge';
import { type FieldTimes, fieldsOf, recordFrom, sameValue } from './field-times';
import type { SyncedTable } from './kinds';

type Row = Record<string, unknown>;

/** One side of a merge: a version of the record with the time each of its fields last changed. */
export interface Side {
  record: Row;
  times: FieldTimes;
}

/** A field both sides changed since they last agreed, to be written to the timeline. */
export interface FieldConflict {
  field: string;
  kept: unknown;
  replaced: unknown;
}

export interface Merged {
  record: Row;
  times: FieldTimes;
  conflicts: FieldConflict[];
}

/** Fields worked out from others, never merged on their own. */
const DERIVED = new Set(['updatedAt', 'nameKey', 'linkedinKey', 'provenance', 'editedFields']);
const CONTACT_FIELD_SET = new Set<string>(CONTACT_FIELDS);

/** The contact field a path belongs to ('urls.linkedin' → 'urls'). */
function topField(path: string): string {
  const dot = path.indexOf('.');
  return dot < 0 ? path : path.slice(0, dot);
}

function byHand(record: Row, field: string): boolean {
  const prov = (record.provenance ?? {}) as Record<string, { source?: string } | undefined>;
  return prov[field]?.source === 'manual' || ((record.editedFields ?? []) as string[]).includes(field);
}

/** Deterministic order between two different values, so both browsers pick the same one on a tie. */
function tieBreak(a: unknown, b: unknown): number {
  const x = JSON.stringify(a) ?? '';
  const y = JSON.stringify(b) ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Field-by-field merge of two versions of one record: per field the newer change wins, except that on contacts
 * a hand edit beats a capture whatever their times (as a capture never overwrites an edited field locally).
 * The result is the same whichever side is "local", so both browsers and the server converge. `base` is the
 * times both sides last agreed on: a field both changed since then is reported as a conflict for the timeline.
 */
export function mergeRecords(table: SyncedTable, local: Side, remote: Side, base?: FieldTimes): Merged {
  const lf = fieldsOf(local.record);
  const rf = fieldsOf(remote.record);
  const out = new Map<string, unknown>();
  const times: FieldTimes = {};
  const conflicts: FieldConflict[] = [];
  const winners = new Map<string, Side>();
  for (const path of new Set([...lf.keys(), ...rf.keys()])) {
    if (DERIVED.has(topField(path))) continue;
    const lv = lf.get(path);
    const rv = rf.get(path);
    const lt = local.times[path] ?? 0;
    const rt = remote.times[path] ?? 0;
    if (sameValue(lv, rv)) {
      out.set(path, lv);
      times[path] = Math.max(lt, rt);
      continue;
    }
    if (table === 'deals' && path === 'stageEntries') {
      out.set(path, unionStageEntries(lv, rv));
      times[path] = Math.max(lt, rt);
      continue;
    }
    const field = topField(path);
    let order = 0;
    if (table === 'contacts' && CONTACT_FIELD_SET.has(field))
      order = Number(byHand(local.record, field)) - Number(byHand(remote.record, field));
    if (!order) order = lt - rt;
    if (!order) order = tieBreak(lv, rv);
    const winner = order > 0 ? local : remote;
    out.set(path, order > 0 ? lv : rv);
    times[path] = order > 0 ? lt : rt;
    winners.set(field, winner);
    if (base && lt !== (base[path] ?? 0) && rt !== (base[path] ?? 0))
      conflicts.push({ field: path, kept: order > 0 ? lv : rv, replaced: order > 0 ? rv : lv });
  }
  const record = recordFrom(out);
  record.updatedAt = Math.max(Number(local.record.updatedAt ?? 0), Number(remote.record.updatedAt ?? 0));
  if (table !== 'contacts') return { record, times, conflicts };
  return { record: contactProvenance(record, local.record, remote.record, winners), times, conflicts };
}

/** A contact's provenance and edited fields follow the side whose value each field kept. */
function contactProvenance(record: Row, local: Row, remote: Row, winners: Map<string, Side>): Row {
  const provenance: Record<string, unknown> = {};
  const edited = new Set<string>();
  for (const field of new Set([
    ...Object.keys((local.provenance ?? {}) as object),
    ...Object.keys((remote.provenance ?? {}) as object),
    ...((local.editedFields ?? []) as string[]),
    ...((remote.editedFields ?? []) as string[]),
  ])) {
    const from = winners.get(field)?.record ?? (byHand(local, field) || !remote.provenance ? local : remote);
    const prov = (from.provenance ?? {}) as Record<string, unknown>;
    if (prov[field] !== undefined) provenance[field] = prov[field];
    if (((from.editedFields ?? []) as string[]).includes(field)) edited.add(field);
  }
  return withKeys({ ...record, provenance, editedFields: [...edited] } as never) as unknown as Row;
}

/** Both reps' stage moves, once each, oldest first: the deal's history keeps every move either made. */
function unionStageEntries(a: unknown, b: unknown): unknown {
  const all = [...(Array.isArray(a) ? a : []), ...(Array.isArray(b) ? b : [])] as { stageId: string; at: number }[];
  const seen = new Map(all.map((e) => [`${e.at}|${e.stageId}`, e]));
  return [...seen.values()].sort((x, y) => x.at - y.at || (x.stageId < y.stageId ? -1 : 1));
}
