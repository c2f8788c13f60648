import { useEffect, useState } from 'preact/hooks';
import { CandidateCard } from '@/components/CandidateCard';
import { CannotReadPage, captureTab } from '@/lib/capture/inject';
import { t } from '@/lib/i18n';
import type { PageCapture, Settings } from '@/lib/model';

type State = { kind: 'loading' } | { kind: 'ready'; capture: PageCapture } | { kind: 'cannot-read' };

export function App({ tabId }: { tabId: number | undefined; settings: Settings }) {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    if (tabId === undefined) {
      setState({ kind: 'cannot-read' });
      return;
    }
    captureTab(tabId)
      .then((capture) => setState({ kind: 'ready', capture }))
      .catch((err) => {
        if (!(err instanceof CannotReadPage)) console.error(err);
        setState({ kind: 'cannot-read' });
      });
  }, [tabId]);

  useEffect(() => {
    // The benchmark's end point (npm run bench): the popup has answered "who is on this page".
    if (state.kind !== 'loading') performance.mark('popup-ready');
  }, [state.kind]);

  return (
    <>
      <main data-testid={state.kind === 'loading' ? undefined : 'popup-ready'}>
        <h1>{t('popupFoundTitle')}</h1>
        {state.kind === 'loading' && <p class="muted">{t('popupLoading')}</p>}
        {state.kind === 'cannot-read' && (
          <p class="muted" data-testid="cannot-read">
            {t('popupCannotRead')}
          </p>
        )}
        {state.kind === 'ready' && state.capture.candidates.length === 0 && (
          <p class="muted" data-testid="nothing-found">
            {t('popupNothingFound')}
          </p>
        )}
        {state.kind === 'ready' &&
          state.capture.candidates.map((c, i) => (
            <CandidateCard key={`${i}:${c.emails[0] ?? c.name}`} capture={state.capture} candidate={c} />
          ))}
      </main>
      <footer>
        <button type="button" onClick={() => browser.runtime.openOptionsPage()}>
          {t('openPipeline')}
        </button>
      </footer>
    </>
  );
}
