import { useEffect, useState } from 'preact/hooks';
import { describeError } from '@/lib/errors';
import { type MessageKey, t } from '@/lib/i18n';
import type { Bant, BantPart, BantWeights } from '@/lib/model';
import { BANT_KEYS, type BantKey } from '@/lib/model/bant-keys';
import { bantParts, confirmedParts, scoreBant } from '@/lib/pipeline/bant';
import type { BantSuggestion, BantSuggestions } from '@/lib/pipeline/suggest-bant';
import { suggestionReason } from './suggestion-reason';

const PART_LABEL: Record<BantKey, MessageKey> = {
  budget: 'popup_bantBudget',
  authority: 'popup_bantAuthority',
  need: 'popup_bantNeed',
  timeline: 'popup_bantTimeline',
};
const LEVELS: MessageKey[] = ['popup_levelUnknown', 'popup_levelWeak', 'popup_levelPartial', 'popup_levelStrong'];

export interface BantPanelProps {
  dealId: string;
  bant: Bant;
  weights: BantWeights;
  suggestions: BantSuggestions;
  /** Stores one part (a level picked or a suggestion confirmed); rejects when the write failed. */
  onSave: (key: BantKey, part: BantPart) => Promise<void>;
  readOnly?: boolean;
}

/**
 * The BANT score (0–100, scoreBant: the same rule and weights as the board) and its four parts, each set in
 * one click: a level picked is the rep's word (confirmed). A suggested level (from evidence: suggest-bant.ts)
 * is marked as such, with its reason, until the rep confirms it or picks another.
 */
export function BantPanel({ dealId, bant, weights, suggestions, onSave, readOnly }: BantPanelProps) {
  // A level just picked shows at once; it falls back to the stored one if the write fails.
  const [pending, setPending] = useState<Partial<Record<BantKey, BantPart>>>({});
  const [error, setError] = useState('');
  const shown: Bant = { ...bant, ...pending };
  const score = scoreBant(shown, weights);
  const points = bantParts(shown, weights);

  async function save(key: BantKey, part: BantPart) {
    setPending((p) => ({ ...p, [key]: part }));
    setError('');
    try {
      await onSave(key, part);
    } catch (err) {
      setError(t('popup_saveFailed', describeError(err)));
      setPending(({ [key]: _, ...rest }) => rest);
    }
  }
  // A picked level stays shown until the stored deal (a live query, a moment after the write) says the same.
  useEffect(() => {
    setPending((p) => {
      const left = Object.fromEntries(
        Object.entries(p).filter(([k, v]) => JSON.stringify(bant[k as BantKey]) !== JSON.stringify(v)),
      );
      return Object.keys(left).length === Object.keys(p).length ? p : left;
    });
  }, [bant]);

  const headingId = `bant-${dealId}`;
  return (
    <section class="bant" aria-labelledby={headingId}>
      <div class="bant-head">
        <h3 id={headingId}>{t('popup_bantTitle')}</h3>
        <span class="bant-score">
          <strong data-testid="bant-score">{score}</strong>
          <span class="muted">/100</span>
          <span class="muted" data-testid="bant-confirmed">
            {' · '}
            {t('popup_bantConfirmed', confirmedParts(shown), BANT_KEYS.length)}
          </span>
        </span>
      </div>
      <div class="bant-bar" aria-hidden="true">
        <div style={{ width: `${score}%` }} />
      </div>
      {BANT_KEYS.map((key) => {
        const part = shown[key];
        const suggestion: BantSuggestion | undefined = suggestions[key];
        const suggested = !part.confirmed && part.level > 0;
        const reason =
          !part.confirmed && suggestion && suggestion.level === part.level ? suggestionReason(suggestion) : '';
        const legendId = `${headingId}-${key}`;
        return (
          <fieldset class="bant-part" key={key} data-testid={`bant-part-${key}`} disabled={readOnly}>
            <legend id={legendId}>
              {t(PART_LABEL[key])}
              {suggested && (
                <span class="suggested" data-testid={`bant-suggested-${key}`}>
                  {t('popup_suggested')}
                </span>
              )}
            </legend>
            <div class="levels">
              {LEVELS.map((label, level) => (
                <label key={label} class="level">
                  <input
                    type="radio"
                    name={`${headingId}-${key}`}
                    value={level}
                    checked={part.level === level}
                    data-testid={`bant-level-${key}-${level}`}
                    onChange={() => void save(key, { ...bant[key], level, confirmed: true })}
                  />
                  <span>{t(label)}</span>
                </label>
              ))}
              <span class="points muted" title={t('popup_bantPointsTitle')}>
                +{points[key]}
              </span>
            </div>
            {(suggested || reason) && (
              <p class="reason muted">
                {reason}
                {suggested && !readOnly && (
                  <button
                    type="button"
                    class="link"
                    data-testid={`bant-confirm-${key}`}
                    aria-describedby={legendId}
                    onClick={() => void save(key, { ...bant[key], confirmed: true })}
                  >
                    {t('popup_confirm')}
                  </button>
                )}
              </p>
            )}
          </fieldset>
        );
      })}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
