import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { describeError } from '@/lib/errors';
import { t } from '@/lib/i18n';

/** What every inline form gets: close it (after a save, or cancelled), focus going back where it came from. */
export interface InlineFormProps {
  onClose: () => void;
}

/** Save / Cancel and the error line every inline form ends with. Escape cancels (see onFormKeyDown). */
export function FormFooter({
  busy,
  error,
  saveLabel,
  onCancel,
  testId,
}: {
  busy: boolean;
  error: string;
  saveLabel: string;
  onCancel: () => void;
  testId: string;
}) {
  return (
    <>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="form-buttons">
        <button type="submit" class="primary" disabled={busy} data-testid={`${testId}-save`}>
          {saveLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t('popup_cancel')}
        </button>
      </div>
    </>
  );
}

export function Field({ label, children, hint }: { label: string; children: ComponentChildren; hint?: string }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control comes in as children (an input, select or textarea).
    <label class="field">
      <span class="field-label">{label}</span>
      {children}
      {hint && <span class="hint muted">{hint}</span>}
    </label>
  );
}

/** Escape closes an inline form without saving. */
export function onFormKeyDown(onCancel: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    onCancel();
  };
}

/** Runs a save: busy while it runs, the error shown in the rep's language if it fails, the form closed if not. */
export async function runSave(
  setBusy: (b: boolean) => void,
  setError: (e: string) => void,
  work: () => Promise<unknown>,
  onDone: () => void,
): Promise<void> {
  setBusy(true);
  setError('');
  try {
    await work();
    onDone();
  } catch (err) {
    setError(t('popup_saveFailed', describeError(err)));
    setBusy(false);
  }
}

/**
 * A ref whose element takes the focus when the form opens: the rep just asked for this form, so the field they
 * are to fill is where the keyboard should be (Escape or Cancel returns focus to the button that opened it).
 */
export function useFocusOnOpen<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}
