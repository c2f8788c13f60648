import { useEffect, useState } from 'preact/hooks';
import ReviewForm from '@/components/review/ReviewForm';
import { prepareCapture } from '@/lib/capture/prepare';
import { parseSelection, readSelectionInPage } from '@/lib/capture/selection';
import { t } from '@/lib/i18n';
import type { Candidate, PageCapture } from '@/lib/model';
import { type HandSource, handCandidate } from '@/lib/popup/hand-candidate';

export interface AddByHandProps {
  tab: { id: number | undefined; url: string };
  capture: PageCapture | null;
  dealOnCapture: boolean;
  onSaved: (saved: { contactId: string; created: boolean }) => void;
  onCancel: () => void;
}

/** What the rep selected on the tab, read the way "Save selection as prospect" reads it; null when nothing. */
async function selectedPerson(tab: AddByHandProps['tab']): Promise<PageCapture | null> {
  if (tab.id === undefined) return null;
  try {
    const [res] = await browser.scripting.executeScript({ target: { tabId: tab.id }, func: readSelectionInPage });
    const read = res?.result as { text?: unknown; links?: unknown } | undefined;
    if (!read || typeof read.text !== 'string' || !read.text.trim()) return null;
    const links = Array.isArray(read.links) ? read.links.filter((l): l is string => typeof l === 'string') : [];
    // The page's answer is untrusted: prepareCapture validates and normalises it (as the background does).
    return prepareCapture(parseSelection({ text: read.text, links }, tab.url));
  } catch {
    return null; // a page the popup may not read: the form starts from the page's guess or empty
  }
}

/**
 * "Add a person by hand" in the popup: the review form with every field, filled from the rep's selection or
 * the page's best guess, saved through capture.save like any capture (so someone already known is updated, not
 * added twice). Loaded on first use: nothing of it is on the popup's first screen.
 */
export default function AddByHand({ tab, capture, dealOnCapture, onSaved, onCancel }: AddByHandProps) {
  const [start, setStart] = useState<{ candidate: Candidate; from: HandSource } | null>(null);
  useEffect(() => {
    void selectedPerson(tab).then((selection) => setStart(handCandidate(selection, capture, tab.url)));
  }, []);
  if (!start) return <p class="muted">{t('popup_loading')}</p>;
  return (
    <>
      <ReviewForm
        capture={{ url: tab.url, title: capture?.title ?? '', site: 'manual' }}
        candidate={start.candidate}
        main
        byHand
        dealOnCapture={dealOnCapture}
        onShown={() => undefined}
        onSaved={onSaved}
        onCancel={onCancel}
      />
      {start.from !== 'empty' && (
        <p class="muted small" data-testid="add-prefilled">
          {start.from === 'selection' ? t('add_fromSelection') : t('add_fromPage')}
        </p>
      )}
    </>
  );
}
