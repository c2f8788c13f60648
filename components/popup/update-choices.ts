import { useEffect, useState } from 'preact/hooks';
import type { UpdateField } from '@/lib/pipeline/known-update';

/**
 * The fields the rep unticked in a known person's update, by contact id, for as long as the popup is open: the
 * person's card and "Save all" in the list below apply the same choice, wherever the rep made it.
 */
const unticked = new Map<string, ReadonlySet<UpdateField>>();
const listeners = new Set<() => void>();

export function untickedFields(contactId: string): ReadonlySet<UpdateField> {
  return unticked.get(contactId) ?? new Set();
}

export function setTicked(contactId: string, field: UpdateField, on: boolean): void {
  const next = new Set(untickedFields(contactId));
  if (on) next.delete(field);
  else next.add(field);
  unticked.set(contactId, next);
  for (const l of listeners) l();
}

/** Re-renders the caller when any choice changes. */
export function useUpdateChoices(): void {
  const [, bump] = useState(0);
  useEffect(() => {
    const l = () => bump((n) => n + 1);
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  }, []);
}
