import type { ForecastReport } from '@/lib/forecast/forecast-report';
import { MIN_STALL_SAMPLE, type ProbabilityMethod, STALL_FACTOR } from '@/lib/forecast/probability-methods';
import { t } from '@/lib/i18n';
import { count, days, percent } from './format';
import { Value } from './Value';

const HELP = {
  configured: 'forecast_methodHelpConfigured',
  learned: 'forecast_methodHelpLearned',
  bant: 'forecast_methodHelpBant',
} as const;

/** The chosen probability method, explained, and each stage's configured and learned win rates. */
export function StageRates({ report, method }: { report: ForecastReport; method: ProbabilityMethod }) {
  const names = new Map(report.stages.map((s) => [s.id, s.name]));
  const thin = report.rates.filter((r) => r.fallback).length;
  return (
    <section aria-labelledby="forecast-probability">
      <h2 id="forecast-probability">{t('forecast_probabilityTitle')}</h2>
      <p data-testid="forecast-method-help">{t(HELP[method], report.minSample)}</p>
      {method !== 'configured' && (
        <p data-testid="forecast-stall-rule">{t('forecast_stallRule', STALL_FACTOR, MIN_STALL_SAMPLE)}</p>
      )}
      <p class="muted">{t('forecast_overrideNote')}</p>
      {method !== 'configured' && thin > 0 && (
        <p class="flag flag-warn" data-testid="forecast-thin-history">
          {t('forecast_thinHistory', thin, report.minSample)}
        </p>
      )}
      <div class="table-scroll">
        <table data-testid="forecast-rates">
          <thead>
            <tr>
              <th scope="col">{t('forecast_stage')}</th>
              <th scope="col">{t('forecast_configured')}</th>
              <th scope="col">{t('forecast_learned')}</th>
              <th scope="col">{t('forecast_closedSample')}</th>
              <th scope="col">{t('forecast_stalledCounted')}</th>
              <th scope="col">{t('forecast_usedNow')}</th>
            </tr>
          </thead>
          <tbody>
            {report.rates.map((r) => {
              const id = `rate-${r.stageId}`;
              const used = method === 'configured' ? r.configured : r.used;
              return (
                <tr key={r.stageId} data-testid={id} data-fallback={r.fallback ? 'true' : 'false'}>
                  <th scope="row">{names.get(r.stageId) ?? r.stageId}</th>
                  <td>
                    <Value id={`${id}-configured`} value={r.configured}>
                      {percent(r.configured, 0)}
                    </Value>
                  </td>
                  <td>
                    <Value id={`${id}-learned`} value={r.learned}>
                      {percent(r.learned)}
                    </Value>
                  </td>
                  <td>
                    <Value id={`${id}-sample`} value={r.sample}>
                      {t('forecast_wonOfClosed', count(r.won), count(r.sample))}
                    </Value>
                  </td>
                  <td>
                    <Value id={`${id}-stalled`} value={r.stalled}>
                      {count(r.stalled)}
                    </Value>
                    {r.stallDays !== null && (
                      <span class="muted"> · {t('forecast_stalledAfter', days(Math.round(r.stallDays)))}</span>
                    )}
                  </td>
                  <td>
                    <Value id={`${id}-used`} value={used}>
                      {percent(used)}
                    </Value>
                    {method !== 'configured' && r.fallback && (
                      <>
                        {' '}
                        <span class="flag">{t('forecast_fallbackFlag')}</span>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {method === 'bant' && <p class="muted">{t('forecast_bantAfterStage')}</p>}
    </section>
  );
}
