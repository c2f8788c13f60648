import { OwnerScopeControl } from '@/components/owner-scope/OwnerScopeControl';
import { t } from '@/lib/i18n';
import type { OwnerScope } from '@/lib/pipeline/owner-scope';
import { type ForecastChoice, HORIZONS } from './forecast-params';

export function ForecastControls({
  choice,
  today,
  set,
  owners,
  onScope,
}: {
  choice: ForecastChoice;
  today: string;
  /** The owners the deals name, for the filter. */
  owners: string[];
  /** Sets one URL parameter (null removes it). */
  set: (changes: Record<string, string | null>) => void;
  /** Whose deals: kept in the URL by the view. */
  onScope: (scope: OwnerScope) => void;
}) {
  return (
    <form class="report-controls" aria-label={t('forecast_controls')} onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('forecast_groupBy')}
        <select
          data-testid="forecast-grain"
          value={choice.grain}
          onChange={(e) => set({ grain: e.currentTarget.value, horizon: null })}
        >
          <option value="month">{t('forecast_months')}</option>
          <option value="quarter">{t('forecast_quarters')}</option>
        </select>
      </label>
      <label>
        {t('forecast_horizon')}
        <select
          data-testid="forecast-horizon"
          value={String(choice.horizon)}
          onChange={(e) => set({ horizon: e.currentTarget.value })}
        >
          {HORIZONS[choice.grain].map((n) => (
            <option key={n} value={String(n)}>
              {t(choice.grain === 'month' ? 'forecast_nMonths' : 'forecast_nQuarters', n)}
            </option>
          ))}
        </select>
      </label>
      <OwnerScopeControl scope={choice.scope} owners={owners} onChange={onScope} />
      <label>
        {t('forecast_asOf')}
        <input
          type="date"
          data-testid="forecast-as-of"
          max={today}
          value={choice.asOfDay ?? today}
          onChange={(e) => {
            const day = e.currentTarget.value;
            set({ asOf: day && day < today ? day : null });
          }}
        />
      </label>
      {choice.asOfDay && (
        <button type="button" onClick={() => set({ asOf: null })}>
          {t('forecast_backToToday')}
        </button>
      )}
    </form>
  );
}
