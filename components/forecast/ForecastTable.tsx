import type { ForecastBucket } from '@/lib/forecast/forecast-by-period';
import type { ForecastReport } from '@/lib/forecast/forecast-report';
import { t } from '@/lib/i18n';
import { BarChart } from './BarChart';
import { count, money, periodLabel } from './format';
import { Value } from './Value';

/** The forecast by period: the chart, and a table of the same numbers. */
export function ForecastTable({ report, currency }: { report: ForecastReport; currency: string }) {
  const f = report.forecast;
  const labels = f.rows.map((r) => periodLabel(r.key));
  const m = (v: number) => money(v, currency);
  return (
    <section aria-labelledby="forecast-by-period">
      <h2 id="forecast-by-period">{t('forecast_byPeriod')}</h2>
      <BarChart
        testid="forecast-chart"
        title={t('forecast_chartTitle')}
        description={t('forecast_chartDescription')}
        labels={labels}
        stacks={[
          { label: t('forecast_closedWon'), color: 'var(--chart-closed)', values: f.rows.map((r) => r.closedWon) },
          { label: t('forecast_commit'), color: 'var(--chart-commit)', values: f.rows.map((r) => r.commit) },
          { label: t('forecast_bestCase'), color: 'var(--chart-best)', values: f.rows.map((r) => r.bestCase) },
          { label: t('forecast_pipeline'), color: 'var(--chart-pipeline)', values: f.rows.map((r) => r.pipeline) },
        ]}
        line={{ label: t('forecast_weighted'), color: 'var(--chart-line)', values: f.rows.map((r) => r.weighted) }}
        format={(v) => money(v, currency, true)}
        exact={(v) => money(v, currency)}
      />
      <div class="table-scroll">
        <table data-testid="forecast-table">
          <caption class="visually-hidden">{t('forecast_chartTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('forecast_period')}</th>
              <th scope="col">{t('forecast_closedWon')}</th>
              <th scope="col">{t('forecast_commit')}</th>
              <th scope="col">{t('forecast_bestCase')}</th>
              <th scope="col">{t('forecast_pipeline')}</th>
              <th scope="col">{t('forecast_weighted')}</th>
              <th scope="col">{t('forecast_dealsCounted')}</th>
              <th scope="col">{t('forecast_withoutAmount')}</th>
            </tr>
          </thead>
          <tbody>
            {f.rows.map((r, i) => {
              const id = `forecast-row-${r.key}`;
              return (
                <tr key={r.key} data-testid={id}>
                  <th scope="row">{labels[i]}</th>
                  <td>
                    <Value id={`${id}-closed`} value={r.closedWon}>
                      {m(r.closedWon)}
                    </Value>
                  </td>
                  <td>
                    <Value id={`${id}-commit`} value={r.commit}>
                      {m(r.commit)}
                    </Value>
                  </td>
                  <td>
                    <Value id={`${id}-best`} value={r.bestCase}>
                      {m(r.bestCase)}
                    </Value>
                  </td>
                  <td>
                    <Value id={`${id}-pipeline`} value={r.pipeline}>
                      {m(r.pipeline)}
                    </Value>
                  </td>
                  <td>
                    <Value id={`${id}-weighted`} value={r.weighted}>
                      {m(r.weighted)}
                    </Value>
                  </td>
                  <td>
                    <Value id={`${id}-deals`} value={r.openDeals + r.wonDeals}>
                      {count(r.openDeals + r.wonDeals)}
                    </Value>
                  </td>
                  <td>
                    <Value id={`${id}-unknown`} value={r.unknownAmount}>
                      {count(r.unknownAmount)}
                    </Value>
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr class="total">
              <th scope="row">{t('forecast_total')}</th>
              <td>{m(f.totals.closedWon)}</td>
              <td>{m(f.totals.commit)}</td>
              <td>{m(f.totals.bestCase)}</td>
              <td>{m(f.totals.pipeline)}</td>
              <td>{m(f.totals.weighted)}</td>
              <td>{count(f.totals.openDeals + f.totals.wonDeals)}</td>
              <td>{count(f.totals.unknownAmount)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <h3 class="muted">{t('forecast_outside')}</h3>
      <div class="table-scroll">
        <table data-testid="forecast-outside">
          <thead>
            <tr>
              <th scope="col">{t('forecast_openDeals')}</th>
              <th scope="col">{t('forecast_deals')}</th>
              <th scope="col">{t('forecast_amount')}</th>
              <th scope="col">{t('forecast_weighted')}</th>
              <th scope="col">{t('forecast_withoutAmount')}</th>
            </tr>
          </thead>
          <tbody>
            <BucketRow id="forecast-overdue" label={t('forecast_overdue')} bucket={f.overdue} currency={currency} />
            <BucketRow
              id="forecast-no-close"
              label={t('forecast_noCloseDate')}
              bucket={f.noCloseDate}
              currency={currency}
            />
            <BucketRow id="forecast-beyond" label={t('forecast_beyond')} bucket={f.beyond} currency={currency} />
            <BucketRow id="forecast-omitted" label={t('forecast_omitted')} bucket={f.omitted} currency={currency} />
          </tbody>
        </table>
      </div>
      {f.otherCurrency > 0 && (
        <p class="muted">
          <Value id="forecast-other-currency" value={f.otherCurrency}>
            {t('forecast_otherCurrency', count(f.otherCurrency), currency)}
          </Value>
        </p>
      )}
    </section>
  );
}

function BucketRow({
  id,
  label,
  bucket,
  currency,
}: {
  id: string;
  label: string;
  bucket: ForecastBucket;
  currency: string;
}) {
  return (
    <tr data-testid={id}>
      <th scope="row">{label}</th>
      <td>
        <Value id={`${id}-deals`} value={bucket.deals}>
          {count(bucket.deals)}
        </Value>
      </td>
      <td>
        <Value id={`${id}-amount`} value={bucket.amount}>
          {money(bucket.amount, currency)}
        </Value>
      </td>
      <td>{money(bucket.weighted, currency)}</td>
      <td>{count(bucket.unknownAmount)}</td>
    </tr>
  );
}
