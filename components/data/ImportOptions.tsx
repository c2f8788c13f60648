import { t } from '@/lib/i18n';
import type { OnMatch } from '@/lib/io/import-row';
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
