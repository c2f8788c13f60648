import { PROBABILITY_METHODS, type ProbabilityMethod } from '@/lib/forecast/probability-methods';
import { t } from '@/lib/i18n';
import { METHOD_LABEL } from './MethodComparison';

const HELP = {
  configured: 'settings_methodHelpConfigured',
  learned: 'settings_methodHelpLearned',
  bant: 'settings_methodHelpBant',
} as const;

/**
 * Settings: how every weighted amount is worked out, the board's headers and the forecast alike. Picked once by
 * the manager; the forecast compares it with the others and says which has been more accurate.
 */
export function ForecastMethodSetting({
  value,
  onChange,
}: {
  value: ProbabilityMethod;
  onChange: (method: ProbabilityMethod) => void;
}) {
  return (
    <section class="settings-section" aria-labelledby="forecast-method-title">
      <h2 id="forecast-method-title">{t('settings_forecastMethod')}</h2>
      <p class="muted">{t('settings_forecastMethodHelp')}</p>
      <fieldset>
        <legend class="visually-hidden">{t('settings_forecastMethod')}</legend>
        {PROBABILITY_METHODS.map((m) => (
          <label key={m} class="inline">
            <input
              type="radio"
              name="forecast-method"
              value={m}
              data-testid={`settings-method-${m}`}
              checked={value === m}
              onChange={() => onChange(m)}
            />
            <span>
              {t(METHOD_LABEL[m])} <small class="muted">{t(HELP[m])}</small>
            </span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
