import { SYNC_FIELD } from '../db/sync-field';

/**
 * Per-field change times, the basis of the field-by-field merge (lib/sync/merge.ts). A record's fields are its
 * top-level keys, and one level deeper for plain objects (deal.bant.budget, contact.urls.linkedin), so two reps
 * changing different BANT parts of one deal both keep their change.
 */
export type FieldTimes = Record<string, number>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The record's values by field path (see above); its sync state (lib/sync/embedded.ts) is not one of them. */
export function fieldsOf(record: Record<string, unknown>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(record)) {
    if (key === SYNC_FIELD) continue;
    if (isPlainObject(value) && key !== 'payload' && key !== 'provenance') {
      for (const [sub, v] of Object.entries(value)) out.set(`${key}.${sub}`, v);
      if (!Object.keys(value).length) out.set(key, value);
    } else out.set(key, value);
  }
  return out;
}

/** Equal as stored values (JSON-shaped: primitives, arrays and plain objects, in any key order). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameValue(x, b[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  // A key holding undefined is no key at all once stored.
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  for (const k of keys) if (!sameValue(x[k], y[k])) return false;
  return true;
}

/** The fields that differ between two versions of a record (all of them when there was none before). */
export function changedFields(before: Record<string, unknown> | undefined, after: Record<string, unknown>): string[] {
  const now = fieldsOf(after);
  if (!before) return [...now.keys()];
  const was = fieldsOf(before);
  const changed: string[] = [];
  for (const [k, v] of now) if (!sameValue(v, was.get(k))) changed.push(k);
  for (const k of was.keys()) if (!now.has(k)) changed.push(k);
  return changed;
}

/** Builds a record back from field paths (the inverse of fieldsOf). */
export function recordFrom(fields: Map<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, value] of fields) {
    const dot = path.indexOf('.');
    if (dot < 0) {
      if (value !== undefined) out[path] = value;
      continue;
    }
    const key = path.slice(0, dot);
    const parent = (isPlainObject(out[key]) ? out[key] : {}) as Record<string, unknown>;
    if (value !== undefined) parent[path.slice(dot + 1)] = value;
    out[key] = parent;
  }
  return out;
}
