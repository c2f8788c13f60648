import { t } from '@/lib/i18n';
import { formatDate, formatNumber } from '@/lib/i18n/money';
import type { DateCensus } from '@/lib/io/date-census';
import type { ImportHistory, OnMatch } from '@/lib/io/import-row';
import type { ImportReport } from '@/lib/io/run-import';
import type { Stage } from '@/lib/model';

/** What to do with rows that are someone already in Prospector: the deduplicating merge the rep approves. */
export function MatchChoice(props: { value: OnMatch; onChange: (v: OnMatch) => void }) {
  return (
    <fieldset data-testid="match-choice">
      <legend>{t('io_matchTitle')}</legend>
      <label class="io-choice">
        <input
          type="radio"
          name="io-match"
          value="merge"
          checked={props.value === 'merge'}
          onChange={() => props.onChange('merge')}
        />{' '}
        {t('io_matchMerge')}
      </label>
      <label class="io-choice">
        <input
          type="radio"
          name="io-match"
          value="keep"
          data-testid="match-keep"
          checked={props.value === 'keep'}
          onChange={() => props.onChange('keep')}
        />{' '}
        {t('io_matchKeep')}
      </label>
    </fieldset>
  );
}

/** Contact files: whether new contacts join the pipeline (a deal in a stage, as a capture makes) or not. */
export function NewContactStage(props: {
  stages: Stage[];
  value: string | null;
  onChange: (v: string | null) => void;
}) {
  return (
    <label class="io-row">
      {t('io_newContactStage')}{' '}
      <select
        data-testid="new-contact-stage"
        value={props.value ?? ''}
        onChange={(e) => props.onChange(e.currentTarget.value || null)}
      >
        {props.stages
          .filter((s) => s.kind === 'open')
          .map((s) => (
            <option key={s.id} value={s.id}>
              {t('io_newContactInStage', s.name)}
            </option>
          ))}
        <option value="">{t('io_newContactNoDeal')}</option>
      </select>
    </label>
  );
}

/**
 * What the import does with the history the file leaves open: how to date the deal rows that have no date, and
 * which stage won and lost deals' history starts at. Shown before importing when the file has either.
 */
export function HistoryChoice(props: {
  census: DateCensus;
  stages: Stage[];
  value: ImportHistory;
  onChange: (v: ImportHistory) => void;
}) {
  const { census, value } = props;
  const set = (patch: Partial<ImportHistory>) => props.onChange({ ...value, ...patch });
  const open = props.stages.filter((s) => s.kind === 'open');
  return (
    <>
      {census.undated > 0 && (
        <fieldset data-testid="undated-choice" data-value={census.undated}>
          <legend>{t('io_undatedTitle', formatNumber(census.undated), formatNumber(census.deals))}</legend>
          <label class="io-choice">
            <input
              type="radio"
              name="io-undated"
              data-testid="undated-today"
              checked={value.undated === 'today'}
              onChange={() => set({ undated: 'today' })}
            />{' '}
            {t('io_undatedToday')}
          </label>
          {census.earliest !== null && (
            <label class="io-choice">
              <input
                type="radio"
                name="io-undated"
                data-testid="undated-earliest"
                checked={value.undated === 'earliest'}
                onChange={() => set({ undated: 'earliest' })}
              />{' '}
              {t('io_undatedEarliest', formatDate(census.earliest))}
            </label>
          )}
          <label class="io-choice">
            <input
              type="radio"
              name="io-undated"
              data-testid="undated-keep"
              checked={value.undated === 'undated'}
              onChange={() => set({ undated: 'undated' })}
            />{' '}
            {t('io_undatedKeep')}
          </label>
        </fieldset>
      )}
      {census.closed > 0 && (
        <label class="io-row">
          {t('io_closedFrom', formatNumber(census.closed))}{' '}
          <select
            data-testid="closed-from"
            value={value.closedFrom ?? open[0]?.id ?? ''}
            onChange={(e) => set({ closedFrom: e.currentTarget.value || null })}
          >
            {open.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <small class="muted">{t('io_closedFromHelp')}</small>
        </label>
      )}
    </>
  );
}

/** The report's line on what was done with undated rows and where closed deals' history starts. */
export function HistoryNote({ report }: { report: ImportReport }) {
  const n = report.counts.undatedDeals;
  const h = report.history;
  if (!n || !h) return null;
  const text =
    h.undated === 'undated'
      ? t('io_reportUndatedKept', formatNumber(n))
      : h.undated === 'earliest' && h.earliest !== null
        ? t('io_reportUndatedEarliest', formatNumber(n), formatDate(h.earliest))
        : t('io_reportUndatedToday', formatNumber(n));
  return (
    <p data-testid="report-undated" data-value={n}>
      {text}
    </p>
  );
}
