import type { ComponentChildren } from 'preact';

/**
 * A figure on screen with a stable test id and its raw value (`data-value`: minor units, shares 0–1, days, counts;
 * empty when unknown), so tests and tools read the number, not its formatting.
 */
export function Value({ id, value, children }: { id: string; value: number | null; children: ComponentChildren }) {
  return (
    <span data-testid={id} data-value={value === null ? '' : String(value)}>
      {children}
    </span>
  );
}
