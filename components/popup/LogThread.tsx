import { useEffect, useRef, useState } from 'preact/hooks';
import { describeError } from '@/lib/errors';
import { t } from '@/lib/i18n';
import type { RequestOf } from '@/lib/messaging/protocol';
import type { ThreadLogResult } from '@/lib/model/email-thread';
import { readThreadIn } from '@/lib/popup/read-thread';
import { sendLazy } from '@/lib/popup/send-lazy';

export interface LogThreadProps {
  tabId: number | undefined;
  onClose: () => void;
  /**
   * Opens the popup's review form for the person on this page with that address (the capture's own way to save
   * someone); false when the page's people do not include them.
   */
  canAdd: (email: string) => boolean;
  onAdd: (email: string) => void;
}

type State =
  | { step: 'reading' }
  | { step: 'done'; result: ThreadLogResult }
  | { step: 'no-thread' }
  | { step: 'failed'; message: string };

const names = (list: readonly { name: string; email?: string }[]) =>
  list.map((p) => p.name || p.email || '').join(', ');

/**
 * "Log this thread" (Gmail, Outlook on the web): reads the open thread only now, on the rep's click (the thread
 * reader, /thread.js), and has the background log it on the timeline of everyone in it who is in the pipeline.
 * Says who it was logged on, who already had it, and who is not in the pipeline yet: those are in the popup's
 * list of people on this page, where the rep saves them as any capture (no second way to add someone).
 */
export default function LogThread({ tabId, onClose, canAdd, onAdd }: LogThreadProps) {
  const [state, setState] = useState<State>({ step: 'reading' });
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    void (async () => {
      try {
        if (tabId === undefined) return setState({ step: 'no-thread' });
        const thread = await readThreadIn(tabId);
        if (!thread) return setState({ step: 'no-thread' });
        // The page's answer goes as it is: the background checks it with the message table's schema.
        const result = await sendLazy('thread.log', { thread: thread as RequestOf<'thread.log'>['thread'] });
        setState({ step: 'done', result });
      } catch (err) {
        setState({ step: 'failed', message: describeError(err) });
      }
    })();
  }, [tabId]);
  useEffect(() => {
    if (state.step !== 'reading') close.current?.focus({ preventScroll: true });
  }, [state.step]);

  return (
    <section class="log-thread" aria-labelledby="log-thread-title" data-testid="log-thread">
      <h2 id="log-thread-title" class="visually-hidden">
        {t('thread_title')}
      </h2>
      <div role="status" data-testid="log-thread-result">
        {state.step === 'reading' && <p class="muted">{t('thread_logging')}</p>}
        {state.step === 'no-thread' && <p>{t('thread_noThread')}</p>}
        {state.step === 'done' && <Result result={state.result} />}
      </div>
      {state.step === 'done' && state.result.unknown.some((p) => canAdd(p.email)) && (
        <ul class="thread-add">
          {state.result.unknown
            .filter((p) => canAdd(p.email))
            .slice(0, 5)
            .map((p) => (
              <li key={p.email}>
                <button type="button" class="link" data-testid="thread-add" onClick={() => onAdd(p.email)}>
                  {t('thread_add', p.name || p.email)}
                </button>
              </li>
            ))}
        </ul>
      )}
      {state.step === 'failed' && (
        <p class="error" role="alert">
          {t('thread_failed', state.message)}
        </p>
      )}
      {state.step !== 'reading' && (
        <button type="button" ref={close} data-testid="log-thread-close" onClick={onClose}>
          {t('thread_close')}
        </button>
      )}
    </section>
  );
}

function Result({ result }: { result: ThreadLogResult }) {
  const { logged, already, unknown } = result;
  return (
    <>
      {logged.length === 1 && <p data-testid="thread-logged">{t('thread_loggedOne', names(logged))}</p>}
      {logged.length > 1 && (
        <p data-testid="thread-logged">{t('thread_loggedMany', String(logged.length), names(logged))}</p>
      )}
      {already.length > 0 && <p data-testid="thread-already">{t('thread_already', names(already))}</p>}
      {!logged.length && !already.length && <p data-testid="thread-nobody">{t('thread_nobody')}</p>}
      {unknown.length > 0 && (
        <p class="muted" data-testid="thread-unknown">
          {t('thread_unknown', names(unknown))}
        </p>
      )}
    </>
  );
}
