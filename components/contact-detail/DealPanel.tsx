import { useMemo, useState } from 'preact/hooks';
import { suggestionReason } from '@/components/popup/suggestion-reason';
import { describeError } from '@/lib/errors';
import { dayKey } from '@/lib/forecast/calendar';
import { type MessageKey, t } from '@/lib/i18n';
import { currencyDigits, toMinor } from '@/lib/i18n/money';
import { send } from '@/lib/messaging/client';
import {
  BANT_KEYS,
  type BantKey,
  type Contact,
  type Deal,
  type DealPatch,
  ForecastCategory,
  type Settings,
  type Stage,
} from '@/lib/model';
import { confirmedParts, scoreBant } from '@/lib/pipeline/bant';
import type { EmailText } from '@/lib/pipeline/bant-from-text';
import { followUpState } from '@/lib/pipeline/filters';
import { dealProbability } from '@/lib/pipeline/probability';
import { bantEvidence, suggestBant } from '@/lib/pipeline/suggest-bant';
import { defaultFollowUp } from '@/lib/reminders/default-follow-up';
import { formatAmount, formatDateTime } from '../board/format';

const BANT_LABELS: Record<BantKey, MessageKey> = {
  budget: 'detail_bantBudget',
  authority: 'detail_bantAuthority',
  need: 'detail_bantNeed',
  timeline: 'detail_bantTimeline',
};
const LEVELS: MessageKey[] = ['detail_level0', 'detail_level1', 'detail_level2', 'detail_level3'];
const CATEGORY_LABELS: Record<ForecastCategory, MessageKey> = {
  pipeline: 'settings_catPipeline',
  best_case: 'settings_catBestCase',
  commit: 'settings_catCommit',
  closed: 'settings_catClosed',
  omitted: 'settings_catOmitted',
};

/** `YYYY-MM-DDTHH:mm` in local time, for a datetime-local input. */
function localInput(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

export interface DealPanelProps {
  deal: Deal;
  contact: Contact;
  stages: readonly Stage[];
  settings: Settings;
  /** What the BANT suggestions read beside the record: the newest notes, what prospects wrote in logged emails. */
  evidence: { noteTexts: readonly string[]; emailTexts: readonly EmailText[] };
}

/**
 * One deal of the contact: stage, amount, close date, probability, owner, BANT and follow-up, each saved on change.
 * A suggested BANT level says why (the quote from an email, the job title…) beside its one-click Confirm.
 */
export function DealPanel({ deal, contact, stages, settings, evidence }: DealPanelProps) {
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const stage = stages.find((s) => s.id === deal.stageId);
  const suggestions = useMemo(
    () =>
      suggestBant(
        bantEvidence(
          deal,
          contact,
          evidence.noteTexts,
          stage?.forecastCategory,
          dayKey(Date.now(), 'local'),
          evidence.emailTexts,
        ),
      ),
    [deal, contact, evidence, stage],
  );
  const readOnly = deal.deletedAt !== null;
  const save = async (patch: DealPatch) => {
    setError('');
    try {
      await send('deal.update', { dealId: deal.id, patch });
      setStatus(t('detail_saved'));
    } catch (err) {
      setError(describeError(err));
    }
  };
  const id = (s: string) => `deal-${deal.id}-${s}`;
  const follow = followUpState(deal.followUpAt, Date.now());
  const digits = currencyDigits(deal.currency);
  return (
    <section class="deal-panel" data-testid="deal-panel" aria-labelledby={id('title')}>
      <div class="section-head">
        <h4 id={id('title')}>{deal.title || t('detail_deal')}</h4>
        <span class="muted">
          {deal.amount !== null && formatAmount(deal.amount, deal.currency)}
          {' · '}
          <span data-testid="detail-bant">
            {t(
              'board_bantConfirmed',
              scoreBant(deal.bant, settings.bantWeights),
              confirmedParts(deal.bant),
              BANT_KEYS.length,
            )}
          </span>
          {' · '}
          {t('detail_probability', Math.round(dealProbability(deal, stage) * 100))}
        </span>
      </div>
      <fieldset disabled={readOnly}>
        <legend class="visually-hidden">{deal.title}</legend>
        <div class="deal-fields">
          <label>
            <span>{t('fieldStage')}</span>
            <select
              data-testid="deal-stage"
              value={deal.stageId}
              onChange={(e) =>
                send('deal.move', { dealId: deal.id, stageId: e.currentTarget.value }).catch((err) =>
                  setError(describeError(err)),
                )
              }
            >
              {stages.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('fieldAmount')}</span>
            <span class="input-with-unit">
              <input
                type="number"
                min={0}
                step={digits ? 1 / 10 ** digits : 1}
                data-testid="deal-amount"
                value={deal.amount === null ? '' : deal.amount / 10 ** digits}
                onChange={(e) => {
                  const v = e.currentTarget.value.trim();
                  const n = Number(v);
                  if (v === '') void save({ amount: null });
                  else if (Number.isFinite(n) && n >= 0) void save({ amount: toMinor(n, deal.currency) });
                  else setError(t('detail_badAmount'));
                }}
              />
              <input
                aria-label={t('detail_currency')}
                class="currency-input"
                value={deal.currency}
                maxLength={3}
                onChange={(e) => {
                  const c = e.currentTarget.value.trim().toUpperCase();
                  if (/^[A-Z]{3}$/.test(c)) void save({ currency: c });
                  else setError(t('detail_badCurrency'));
                }}
              />
            </span>
          </label>
          <label>
            <span>{t('detail_expectedClose')}</span>
            <input
              type="date"
              value={deal.expectedClose ?? ''}
              onChange={(e) => void save({ expectedClose: e.currentTarget.value || null })}
            />
          </label>
          <label>
            <span>{t('detail_probabilityOverride')}</span>
            <input
              type="number"
              min={0}
              max={100}
              placeholder={stage ? String(Math.round(stage.probability * 100)) : ''}
              value={deal.probability === null ? '' : Math.round(deal.probability * 100)}
              onChange={(e) => {
                const v = e.currentTarget.value.trim();
                const n = Number(v);
                if (v === '') void save({ probability: null });
                else if (n >= 0 && n <= 100) void save({ probability: n / 100 });
              }}
            />
          </label>
          <label>
            <span>{t('detail_category')}</span>
            <select
              value={deal.forecastCategory ?? ''}
              onChange={(e) =>
                void save({ forecastCategory: (e.currentTarget.value || null) as ForecastCategory | null })
              }
            >
              <option value="">{t('detail_categoryFromStage')}</option>
              {ForecastCategory.options.map((c) => (
                <option key={c} value={c}>
                  {t(CATEGORY_LABELS[c])}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('board_owner')}</span>
            <input
              value={deal.owner}
              maxLength={500}
              onChange={(e) => void save({ owner: e.currentTarget.value.trim() })}
            />
          </label>
        </div>
        <fieldset class="bant">
          <legend>{t('detail_bant')}</legend>
          {BANT_KEYS.map((k) => (
            <div class="bant-row" key={k}>
              <label>
                <span>{t(BANT_LABELS[k])}</span>
                <select
                  data-testid={`bant-${k}`}
                  value={String(deal.bant[k].level)}
                  onChange={(e) =>
                    void save({
                      bant: { [k]: { ...deal.bant[k], level: Number(e.currentTarget.value), confirmed: true } },
                    })
                  }
                >
                  {LEVELS.map((l, i) => (
                    <option key={l} value={String(i)}>
                      {t(l)}
                    </option>
                  ))}
                </select>
              </label>
              {!deal.bant[k].confirmed && deal.bant[k].level > 0 && suggestions[k]?.level === deal.bant[k].level && (
                <small class="muted" data-testid={`bant-reason-${k}`}>
                  {suggestionReason(suggestions[k]!)}
                </small>
              )}
              {!deal.bant[k].confirmed && deal.bant[k].level > 0 && (
                <button
                  type="button"
                  data-testid={`bant-confirm-${k}`}
                  onClick={() => void save({ bant: { [k]: { ...deal.bant[k], confirmed: true } } })}
                >
                  {t('detail_confirm')}
                </button>
              )}
              {deal.bant[k].note && <small class="muted">{deal.bant[k].note}</small>}
            </div>
          ))}
        </fieldset>
        <FollowUp deal={deal} settings={settings} state={follow} onSave={save} onError={setError} />
      </fieldset>
      <p class="muted" role="status">
        {status}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function FollowUp({
  deal,
  settings,
  state,
  onSave,
  onError,
}: {
  deal: Deal;
  settings: Settings;
  state: ReturnType<typeof followUpState>;
  onSave: (p: DealPatch) => Promise<void>;
  onError: (text: string) => void;
}) {
  const [when, setWhen] = useState(() =>
    localInput(deal.followUpAt ?? defaultFollowUp(Date.now(), settings.followUpDays)),
  );
  const [note, setNote] = useState(deal.followUpNote);
  return (
    <fieldset class="followup-edit">
      <legend>{t('detail_followUp')}</legend>
      {deal.followUpAt !== null && (
        <p class={`followup followup-${state}`} data-testid="deal-followup">
          {state === 'overdue'
            ? t('detail_followUpOverdue', formatDateTime(deal.followUpAt))
            : t('detail_followUpDue', formatDateTime(deal.followUpAt))}
          {deal.followUpNote && ` — ${deal.followUpNote}`}
        </p>
      )}
      <div class="deal-fields">
        <label>
          <span>{t('detail_followUpWhen')}</span>
          <input
            type="datetime-local"
            data-testid="followup-when"
            value={when}
            onInput={(e) => setWhen(e.currentTarget.value)}
          />
        </label>
        <label>
          <span>{t('detail_followUpNote')}</span>
          <input value={note} maxLength={500} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
      </div>
      <div class="form-actions">
        <button
          type="button"
          data-testid="followup-save"
          onClick={() => {
            const at = new Date(when).getTime();
            if (!Number.isFinite(at)) onError(t('detail_badDate'));
            else void onSave({ followUpAt: at, followUpNote: note.trim() });
          }}
        >
          {t('detail_setFollowUp')}
        </button>
        {deal.followUpAt !== null && (
          <button
            type="button"
            onClick={() => send('deal.followUpDone', { dealId: deal.id }).catch((err) => onError(describeError(err)))}
          >
            {t('followups_done')}
          </button>
        )}
      </div>
    </fieldset>
  );
}
