import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/money';
import { send } from '@/lib/messaging/client';
import { actionError, useAction } from '../use-action';

const DEMO_CONTACTS = 300;

/** The keys the rep set (or the browser suggested) for a command, or null when it has none. */
function useShortcut(name: string): string | null {
  const [keys, setKeys] = useState<string | null>(null);
  useEffect(() => {
    void browser.commands
      ?.getAll()
      .then((all) => setKeys(all.find((c) => c.name === name)?.shortcut || null))
      .catch(() => setKeys(null));
  }, [name]);
  return keys;
}

/**
 * The first-run page: capture in three steps with the rep's own shortcuts, a practice page to capture from, and
 * the demo pipeline, marked as demo and removable in one click.
 */
export function Welcome() {
  const capture = useShortcut('capture-page');
  const popup = useShortcut('_execute_action');
  const [demo, setDemo] = useState<{ contacts: number; deals: number } | null>(null);
  const [removed, setRemoved] = useState<number | null>(null);
  const [action, run] = useAction();
  const busy = action.status === 'busy';
  return (
    <main class="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">{t('welcome_title')}</h1>
      <p>{t('welcome_intro')}</p>
      <h2>{t('welcome_stepsTitle')}</h2>
      <ol class="steps" data-testid="welcome-steps">
        <li>{t('welcome_step1')}</li>
        <li>
          {t('welcome_step2')}{' '}
          {popup && (
            <span>
              {t('welcome_orPress')} <kbd data-testid="welcome-shortcut">{popup}</kbd>
            </span>
          )}
        </li>
        <li>{t('welcome_step3')}</li>
      </ol>
      {capture && (
        <p>
          {t('welcome_captureShortcut')} <kbd data-testid="welcome-capture-shortcut">{capture}</kbd>
        </p>
      )}
      <p class="muted">{t('welcome_pinTip')}</p>

      <h2>{t('welcome_practiceTitle')}</h2>
      <p>{t('welcome_practiceHelp')}</p>
      <div class="actions">
        <a class="button primary" href="/practice.html" target="_blank" rel="noopener" data-testid="welcome-practice">
          {t('welcome_practiceOpen')}
        </a>
      </div>

      <h2>{t('welcome_demoTitle')}</h2>
      <p>{t('welcome_demoHelp')}</p>
      <div class="actions">
        <button
          type="button"
          data-testid="welcome-demo-load"
          disabled={busy}
          onClick={() =>
            run(async () => {
              const r = await send('demo.load', { contacts: DEMO_CONTACTS });
              setRemoved(null);
              setDemo({ contacts: r.contacts, deals: r.deals });
            })
          }
        >
          {t('io_demoButton')}
        </button>
        <button
          type="button"
          data-testid="welcome-demo-remove"
          disabled={busy}
          onClick={() =>
            run(async () => {
              const r = await send('demo.remove', {});
              setDemo(null);
              setRemoved(r.contacts);
            })
          }
        >
          {t('demo_remove')}
        </button>
        <a class="button" href="/options.html#board">
          {t('welcome_openPipeline')}
        </a>
      </div>
      <p role="status" data-testid="welcome-demo-status">
        {demo && t('io_demoDone', formatNumber(demo.contacts), formatNumber(demo.deals))}
        {removed !== null && t('demo_removed', formatNumber(removed))}
      </p>
      {actionError(action) && (
        <p class="error" role="alert">
          {actionError(action)}
        </p>
      )}
    </main>
  );
}
