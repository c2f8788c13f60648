import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { StageTrack } from '@/components/stage-track/StageTrack';
import { describeError } from '@/lib/errors';
import { dayKey } from '@/lib/forecast/calendar';
import { t } from '@/lib/i18n';
import { formatDate, formatIsoDay, formatMoney } from '@/lib/i18n/money';
import type { BantPart, Contact, Deal, Stage } from '@/lib/model';
import type { BantKey } from '@/lib/model/bant-keys';
import { daysInStage } from '@/lib/pipeline/probability';
import { bantEvidence, suggestBant, suggestionPatch } from '@/lib/pipeline/suggest-bant';
import type { ContactView } from '@/lib/popup/contact-view';
import type { PopupSettings } from '@/lib/popup/quick-settings';
import { sendLazy } from '@/lib/popup/send-lazy';
import { lostStage, nextStage, reopenStage, wonStage } from '@/lib/popup/stage-moves';
import { BantPanel } from './BantPanel';
import { focusTaken } from './focus';
import { lazyComponent } from './lazy';
import { NextStep } from './NextStep';

export const FollowUpForm = lazyComponent(() => import('./forms/FollowUpForm').then((m) => m.default));
export const NoteForm = lazyComponent(() => import('./forms/NoteForm').then((m) => m.default));
export const EditForm = lazyComponent(() => import('./forms/EditForm').then((m) => m.default));
export const LostForm = lazyComponent(() => import('./forms/LostForm').then((m) => m.default));

type Form = 'follow-up' | 'note' | 'edit' | 'lost' | null;

export interface DealPanelProps {
  deal: Deal;
  contact: Contact;
  view: ContactView;
  stages: readonly Stage[];
  stageMap: ReadonlyMap<string, Stage>;
  settings: PopupSettings;
  now: number;
  /** The popup's main deal: its main action takes the focus when the popup opens. */
  main: boolean;
}

/** BANT refreshes already asked for in this popup (the background decides what to store). */
const refreshed = new Set<string>();

/** One deal: its stage on the track, days in stage, amount and close date; BANT; next step; the actions. */
export function DealPanel({ deal, contact, view, stages, stageMap, settings, now, main }: DealPanelProps) {
  const [form, setForm] = useState<Form>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const mainAction = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const stage = stageMap.get(deal.stageId);
  const open = deal.outcome === null;
  const next = nextStage(stages, deal);
  const won = wonStage(stages);
  const lost = lostStage(stages);
  const visited = useMemo(() => new Set(deal.stageEntries.map((e) => e.stageId)), [deal.stageEntries]);
  const suggestions = useMemo(
    () =>
      suggestBant(
        bantEvidence(deal, contact, view.noteTexts, stage?.forecastCategory, dayKey(now, 'local'), view.emailTexts),
      ),
    [deal, contact, view.noteTexts, view.emailTexts, stage, now],
  );

  useEffect(() => {
    // Focus starts on the main action, unless the rep already put it somewhere (the page was read late).
    // Without scrolling: the person's name and stage stay in view above the main action (in Indonesian too).
    if (main && !focusTaken()) mainAction.current?.focus({ preventScroll: true });
  }, [main]);

  // Evidence changed since the suggestions were stored (a new title, close date, note): ask the background to
  // store the new ones, so the board shows the same score as the popup.
  useEffect(() => {
    const patch = suggestionPatch(deal.bant, suggestions);
    // Asked once per deal and evidence: if the background sees it otherwise, the popup does not insist.
    const key = `${deal.id}:${JSON.stringify(patch)}`;
    if (!open || refreshed.has(key) || !Object.keys(patch).length) return;
    refreshed.add(key);
    sendLazy('deal.refreshBant', { dealId: deal.id }).catch((err) => console.warn('Prospector: BANT refresh', err));
  }, [deal, suggestions, open]);

  async function run(work: () => Promise<unknown>) {
    setBusy(true);
    setError('');
    try {
      await work();
      // A move can remove the focused button (next stage → won): keep the keyboard on the main action.
      setTimeout(() => {
        if (!focusTaken()) mainAction.current?.focus();
      });
    } catch (err) {
      setError(t('popup_saveFailed', describeError(err)));
    } finally {
      setBusy(false);
    }
  }
  const move = (to: Stage) =>
    to.kind === 'lost' ? openForm('lost') : void run(() => sendLazy('deal.move', { dealId: deal.id, stageId: to.id }));
  function openForm(f: Form) {
    opener.current = document.activeElement as HTMLElement | null;
    setForm(f);
  }
  function closeForm() {
    setForm(null);
    // Back to the control that opened the form (or the main action when that one is gone).
    // After the re-render (not requestAnimationFrame: it never fires in a hidden page).
    setTimeout(() => (opener.current?.isConnected ? opener.current : mainAction.current)?.focus());
  }
  const saveBant = (key: BantKey, part: BantPart) =>
    sendLazy('deal.update', { dealId: deal.id, patch: { bant: { [key]: part } } }).then(() => undefined);

  const reopen = reopenStage(stages, deal);
  const days = daysInStage(deal, now);
  return (
    <article class={`deal ${open ? 'open' : `closed ${deal.outcome}`}`} data-testid="deal" aria-label={deal.title}>
      <header class="deal-head">
        <h2 class="deal-title">{deal.title || t('popup_untitledDeal')}</h2>
        {!open && (
          <p class={`outcome ${deal.outcome}`} data-testid="deal-outcome">
            {deal.outcome === 'won'
              ? t('popup_wonOn', formatDate(deal.closedAt ?? deal.updatedAt))
              : t('popup_lostOn', formatDate(deal.closedAt ?? deal.updatedAt))}
            {deal.outcome === 'lost' && deal.lostReason && <> — {deal.lostReason}</>}
          </p>
        )}
      </header>
      <StageTrack stages={stages} currentId={deal.stageId} visited={visited} onPick={move} disabled={busy} />
      <p class="deal-facts">
        {open && <span data-testid="days-in-stage">{t('popup_daysInStage', days)}</span>}
        <span data-testid="deal-amount">
          {deal.amount === null ? t('popup_noAmount') : formatMoney(deal.amount, deal.currency)}
        </span>
        <span data-testid="expected-close">
          {deal.expectedClose ? t('popup_closes', formatIsoDay(deal.expectedClose)) : t('popup_noCloseDate')}
        </span>
      </p>
      <BantPanel
        dealId={deal.id}
        bant={deal.bant}
        weights={settings.bantWeights}
        suggestions={open ? suggestions : {}}
        onSave={saveBant}
      />
      <NextStep deal={deal} lastActivity={view.lastActivity} latestNote={view.latestNote} stages={stageMap} now={now} />
      <div class="actions">
        {open && next && (
          <button
            ref={mainAction}
            type="button"
            class="primary"
            disabled={busy}
            data-testid="next-stage"
            onClick={() => move(next)}
          >
            {next.kind === 'won' ? t('popup_markWon') : t('popup_moveToNext', next.name)}
          </button>
        )}
        {!open && reopen && (
          <button
            ref={mainAction}
            type="button"
            class="primary"
            disabled={busy}
            data-testid="reopen"
            onClick={() => move(reopen)}
          >
            {t('popup_reopen', reopen.name)}
          </button>
        )}
        {open && won && next?.id !== won.id && (
          <button type="button" disabled={busy} data-testid="mark-won" onClick={() => move(won)}>
            {t('popup_markWon')}
          </button>
        )}
        {open && lost && (
          <button
            type="button"
            disabled={busy}
            aria-expanded={form === 'lost'}
            data-testid="mark-lost"
            onClick={() => openForm('lost')}
          >
            {t('popup_markLostAsk')}
          </button>
        )}
        {open && deal.followUpAt !== null && (
          <button
            type="button"
            disabled={busy}
            data-testid="follow-up-done"
            onClick={() => void run(() => sendLazy('deal.followUpDone', { dealId: deal.id }))}
          >
            {t('popup_followUpDone')}
          </button>
        )}
        {open && (
          <button
            type="button"
            aria-expanded={form === 'follow-up'}
            data-testid="set-follow-up"
            onClick={() => openForm('follow-up')}
          >
            {deal.followUpAt === null ? t('popup_setFollowUpAsk') : t('popup_changeFollowUp')}
          </button>
        )}
        <button type="button" aria-expanded={form === 'note'} data-testid="add-note" onClick={() => openForm('note')}>
          {t('popup_addNoteAsk')}
        </button>
        <button type="button" aria-expanded={form === 'edit'} data-testid="edit" onClick={() => openForm('edit')}>
          {t('popup_editAsk')}
        </button>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {form === 'follow-up' && (
        <FollowUpForm deal={deal} defaultDays={settings.followUpDays} now={now} onClose={closeForm} />
      )}
      {form === 'note' && <NoteForm contactId={contact.id} dealId={deal.id} onClose={closeForm} />}
      {form === 'edit' && <EditForm contact={contact} deal={deal} onClose={closeForm} />}
      {form === 'lost' && lost && <LostForm dealId={deal.id} lostStageId={lost.id} onClose={closeForm} />}
    </article>
  );
}
