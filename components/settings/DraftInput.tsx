import { useEffect, useState } from 'preact/hooks';

interface Props {
  type?: 'text' | 'number';
  min?: number;
  max?: number;
  maxLength?: number;
  'data-testid'?: string;
  /** The stored value. */
  value: string | number;
  /** Called with the field's text when the rep is done with it (the `change` event: Enter or leaving it). */
  onCommit: (text: string) => void;
}

/**
 * A settings field that keeps what the rep is typing until they are done with it. A controlled input is reset to
 * its stored value on every render, and the settings re-render whenever any setting is saved: a weight being
 * typed while the currency chosen a moment before was saving went back to its old value, and the edit was lost.
 * The draft is dropped when the stored value changes (the save landed, or another page changed it).
 */
export function DraftInput({ type, value, onCommit, ...rest }: Props) {
  const stored = String(value);
  const [draft, setDraft] = useState<string | null>(null);
  useEffect(() => setDraft(null), [stored]);
  const field = {
    ...rest,
    value: draft ?? stored,
    onInput: (e: { currentTarget: HTMLInputElement }) => setDraft(e.currentTarget.value),
    onChange: (e: { currentTarget: HTMLInputElement }) => onCommit(e.currentTarget.value),
  };
  return type === 'number' ? <input type="number" {...field} /> : <input type="text" {...field} />;
}
