import { useState } from 'preact/hooks';
import { useLiveQuery } from '@/components/use-live-query';
import { describeError } from '@/lib/errors';
import { type MessageKey, t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/money';
import { send } from '@/lib/messaging/client';
import { ForecastCategory, newId, type Stage } from '@/lib/model';
import {
  checkPipeline,
  issueMessage,
  suggestReassign,
  TEMPLATE_NAMES,
  type TemplateName,
  templateStages,
} from '@/lib/pipeline/stages-edit';
import { MAX_STALE_DAYS, staleLimit } from '@/lib/pipeline/stale';
import { stagesWithDealCounts } from '@/lib/read/stages';

const CATEGORY_LABELS: Record<ForecastCategory, MessageKey> = {
  pipeline: 'settings_catPipeline',
  best_case: 'settings_catBestCase',
  commit: 'settings_catCommit',
  closed: 'settings_catClosed',
  omitted: 'settings_catOmitted',
};
const KIND_LABELS: Record<Stage['kind'], MessageKey> = {
  open: 'settings_kindOpen',
  won: 'settings_kindWon',
  lost: 'settings_kindLost',
};
const TEMPLATE_LABELS: Record<TemplateName, MessageKey> = {
  default: 'settings_templateDefault',
  short: 'settings_templateShort',
};

/**
 * The pipeline's stages, edited as a draft and saved at once: rename, reorder, add, remove, win probability,
 * days before a deal is marked stale, default forecast category, colour; or start from a template. A removed stage's deals must be given a new stage
 * first: until then the editor says so and will not save (and the background refuses too).
 */
export function StageEditor() {
  const stored = useLiveQuery(stagesWithDealCounts, []);
  const [draft, setDraft] = useState<Stage[] | null>(null);
  const [reassign, setReassign] = useState<Record<string, string>>({});
  const [template, setTemplate] = useState<TemplateName>('default');
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  if (!stored) return null;

  const stages = draft ?? stored.stages;
  const ids = new Set(stages.map((s) => s.id));
  const removed = stored.stages.filter((s) => !ids.has(s.id) && (stored.counts.get(s.id) ?? 0) > 0);
  const targets = Object.fromEntries(Object.entries(reassign).filter(([id]) => !ids.has(id)));
  const issues = draft ? checkPipeline(stored.stages, stages, stored.counts, targets) : [];
  const edit = (next: Stage[]) => {
    setDraft(next);
    setStatus('');
  };
  const change = (id: string, patch: Partial<Stage>) => edit(stages.map((s) => (s.id === id ? { ...s, ...patch } : s)));
  const openCount = stages.filter((s) => s.kind === 'open').length;
  const move = (i: number, step: -1 | 1) => {
    const j = i + step;
    if (stages[j]?.kind !== 'open') return;
    const next = [...stages];
    [next[i], next[j]] = [next[j]!, next[i]!];
    edit(next);
  };
  const add = () => {
    const at = stages.filter((s) => s.kind === 'open').length;
    const stage: Stage = {
      id: newId(),
      name: t('settings_newStage', at + 1),
      order: at,
      probability: 0.5,
      kind: 'open',
      forecastCategory: 'pipeline',
      color: '#5c6bc0',
    };
    edit([...stages.slice(0, at), stage, ...stages.slice(at)]);
  };
  const save = async () => {
    setSaving(true);
    setError('');
    try {
      const r = await send('stages.save', { stages, reassign: targets });
      setDraft(null);
      setReassign({});
      setStatus(t('settings_stagesSaved', formatNumber(r.moved)));
    } catch (err) {
      setError(describeError(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section class="settings-section stage-editor" aria-labelledby="stages-title" data-testid="stage-editor">
      <h2 id="stages-title">{t('settings_stages')}</h2>
      <div class="template-picker">
        <label>
          <span>{t('settings_template')}</span>
          <select value={template} onChange={(e) => setTemplate(e.currentTarget.value as TemplateName)}>
            {TEMPLATE_NAMES.map((n) => (
              <option key={n} value={n}>
                {t(TEMPLATE_LABELS[n])}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          data-testid="apply-template"
          onClick={() => {
            const next = templateStages(template, (k) => t(k));
            edit(next);
            setReassign(suggestReassign(stored.stages, next));
          }}
        >
          {t('settings_useTemplate')}
        </button>
      </div>
      <ol class="stage-list">
        {stages.map((s, i) => {
          const count = stored.counts.get(s.id) ?? 0;
          const label = s.name || t('settings_stageN', i + 1);
          return (
            <li key={s.id} class="stage-row" data-testid={`stage-row-${s.id}`}>
              <span class="stage-swatch" style={{ background: s.color }} aria-hidden="true" />
              <input
                aria-label={t('settings_stageName', i + 1)}
                data-testid="stage-name"
                value={s.name}
                maxLength={100}
                onInput={(e) => change(s.id, { name: e.currentTarget.value })}
              />
              <label class="inline">
                <input
                  type="number"
                  min={0}
                  max={100}
                  class="narrow"
                  aria-label={t('settings_stageProbability', label)}
                  value={Math.round(s.probability * 100)}
                  disabled={s.kind !== 'open'}
                  onInput={(e) => {
                    const n = Number(e.currentTarget.value);
                    if (n >= 0 && n <= 100) change(s.id, { probability: n / 100 });
                  }}
                />
                <span aria-hidden="true">%</span>
              </label>
              {s.kind === 'open' && (
                <label class="inline">
                  <input
                    type="number"
                    min={1}
                    max={MAX_STALE_DAYS}
                    class="narrow"
                    data-testid="stage-stale-days"
                    aria-label={t('settings_stageStaleAfter', label)}
                    title={t('settings_stageStaleAfter', label)}
                    value={staleLimit(s) ?? ''}
                    onInput={(e) => {
                      const n = Number(e.currentTarget.value);
                      if (Number.isInteger(n) && n >= 1 && n <= MAX_STALE_DAYS) change(s.id, { staleAfterDays: n });
                    }}
                  />
                  <span class="small">{t('settings_staleDays')}</span>
                </label>
              )}
              <select
                aria-label={t('settings_stageCategory', label)}
                value={s.forecastCategory}
                onChange={(e) => change(s.id, { forecastCategory: e.currentTarget.value as ForecastCategory })}
              >
                {ForecastCategory.options.map((c) => (
                  <option key={c} value={c}>
                    {t(CATEGORY_LABELS[c])}
                  </option>
                ))}
              </select>
              <input
                type="color"
                aria-label={t('settings_stageColor', label)}
                value={s.color}
                onInput={(e) => change(s.id, { color: e.currentTarget.value })}
              />
              <span class="muted small">
                {t(KIND_LABELS[s.kind])} · {t('columnCount', formatNumber(count))}
              </span>
              <span class="row-actions">
                <button
                  type="button"
                  aria-label={t('settings_moveUp', label)}
                  disabled={s.kind !== 'open' || i === 0}
                  onClick={() => move(i, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={t('settings_moveDown', label)}
                  disabled={s.kind !== 'open' || stages[i + 1]?.kind !== 'open'}
                  onClick={() => move(i, 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  data-testid="remove-stage"
                  aria-label={t('settings_removeStage', label)}
                  disabled={s.kind !== 'open' || openCount <= 1}
                  onClick={() => edit(stages.filter((x) => x.id !== s.id))}
                >
                  {t('settings_remove')}
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <button type="button" data-testid="add-stage" onClick={add}>
        {t('settings_addStage')}
      </button>
      {removed.length > 0 && (
        <div class="reassign" data-testid="reassign">
          <h3>{t('settings_removedStages')}</h3>
          {removed.map((s) => (
            <label key={s.id}>
              <span>{t('settings_moveDealsOf', s.name, formatNumber(stored.counts.get(s.id) ?? 0))}</span>
              <select
                data-testid={`reassign-${s.id}`}
                value={reassign[s.id] ?? ''}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  const next = { ...reassign };
                  if (v) next[s.id] = v;
                  else delete next[s.id];
                  setReassign(next);
                }}
              >
                <option value="">{t('settings_chooseStage')}</option>
                {stages.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      )}
      {issues.length > 0 && (
        <div role="alert" data-testid="stage-issues">
          <ul class="issues error">
            {issues.map((issue) => (
              <li key={`${issue.code}:${'stageId' in issue ? issue.stageId : ''}`}>{t(...issueMessage(issue))}</li>
            ))}
          </ul>
        </div>
      )}
      {error && (
        <p class="error" role="alert" data-testid="stage-error">
          {error}
        </p>
      )}
      <div class="form-actions">
        <button
          type="button"
          class="primary"
          data-testid="save-stages"
          disabled={!draft || issues.length > 0 || saving}
          onClick={save}
        >
          {t('settings_saveStages')}
        </button>
        <button
          type="button"
          disabled={!draft}
          onClick={() => {
            setDraft(null);
            setReassign({});
          }}
        >
          {t('detail_cancel')}
        </button>
        <span class="muted" role="status">
          {status}
        </span>
      </div>
    </section>
  );
}
