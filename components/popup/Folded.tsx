import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

export interface FoldedProps {
  class?: string;
  testId?: string;
  summary: ComponentChildren;
  /** The content, built only once the rep first opens the fold (kept after, so reopening is instant). */
  children: () => ComponentChildren;
}

/**
 * A `<details>` whose content is not built until the rep opens it: closed, only its summary shows, so there is
 * nothing to build, style or lay out for it. In the popup a contact's closed deals each carry a whole deal panel
 * (stage track, BANT, actions): one closed deal was 110 of the first screen's 266 elements, all out of sight.
 * The summary's click builds the content before the browser opens the fold (the render runs in the microtask
 * after the click, before its default action), so it never shows open and empty; a fold opened another way (by
 * script, or by find in page) builds it on its toggle event.
 */
export function Folded({ class: className, testId, summary, children }: FoldedProps) {
  const [built, setBuilt] = useState(false);
  return (
    <details class={className} data-testid={testId} onToggle={(e) => e.currentTarget.open && setBuilt(true)}>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a summary is its details' own control (keyboard too); the click only builds what it opens */}
      <summary onClick={() => setBuilt(true)}>{summary}</summary>
      {built && children()}
    </details>
  );
}
