import type { MethodComparison as Comparison } from '@/lib/forecast/method-comparison';
import type { ProbabilityMethod } from '@/lib/forecast/probability-methods';
import { t } from '@/lib/i18n';
import { count, money, percent } from './format';
import { Value } from './Value';

export const METHOD_LABEL = {
  configured: 'forecast_methodConfigured',
  learned: 'forecast_methodLearned',
  bant: 'forecast_methodBant',
} as const;

/**
 * The manager's method beside the others: what each says for the periods shown, and its error over the past
 * periods it could be checked on (those in which something was won), with the most accurate one named.
 */
export function MethodComparison({
  methods,
  chosen,
  currency,
}: {
  methods: Comparison | undefined;
  chosen: ProbabilityMethod;
  currency: string;
}) {
  return (
    <section aria-labelledby="forecast-methods" aria-busy={methods ? 'false' : 'true'}>
      <h2 id="forecast-methods">{t('forecast_methodsTitle')}</h2>
      <p class="muted">{t('forecast_methodsIntro')}</p>
      {!methods ? (
        <p class="muted">{t('forecast_working')}</p>
      ) : (
        <>
          <p data-testid="forecast-most-accurate" data-value={methods.mostAccurate ?? ''}>
            {methods.mostAccurate === null
              ? t('forecast_methodsNoneChecked')
              : methods.mostAccurate === chosen
                ? t('forecast_methodsChosenBest', t(METHOD_LABEL[chosen]))
                : t('forecast_methodsOtherBest', t(METHOD_LABEL[methods.mostAccurate]), t(METHOD_LABEL[chosen]))}
          </p>
          <div class="table-scroll">
            <table data-testid="forecast-methods">
              <thead>
                <tr>
                  <th scope="col">{t('forecast_method')}</th>
                  <th scope="col">{t('forecast_weighted')}</th>
                  <th scope="col">{t('forecast_trackMean')}</th>
                  <th scope="col">{t('forecast_methodsChecked')}</th>
                </tr>
              </thead>
              <tbody>
                {methods.scores.map((s) => {
                  const id = `method-${s.method}`;
                  const checked = s.record.rows.filter((r) => r.errorPct !== null).length;
                  return (
                    <tr key={s.method} data-testid={id} aria-current={s.method === chosen ? 'true' : undefined}>
                      <th scope="row">
                        {t(METHOD_LABEL[s.method])}
                        {s.method === chosen && <span class="flag">{t('forecast_methodsInUse')}</span>}
                        {s.method === methods.mostAccurate && (
                          <span class="flag flag-good">{t('forecast_methodsBestFlag')}</span>
                        )}
                      </th>
                      <td>
                        <Value id={`${id}-weighted`} value={s.weighted}>
                          {money(s.weighted, currency)}
                        </Value>
                      </td>
                      <td>
                        <Value id={`${id}-error`} value={s.record.meanAbsErrorPct}>
                          {percent(s.record.meanAbsErrorPct === null ? null : s.record.meanAbsErrorPct / 100)}
                        </Value>
                      </td>
                      <td>
                        <Value id={`${id}-checked`} value={checked}>
                          {count(checked)}
                        </Value>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
