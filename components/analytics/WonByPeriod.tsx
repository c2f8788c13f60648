import { BarChart } from '@/components/forecast/BarChart';
import { count, money, periodLabel } from '@/components/forecast/format';
import { Value } from '@/components/forecast/Value';
import type { AnalyticsReport } from '@/lib/forecast/analytics-report';
import type { WonInPeriod } from '@/lib/forecast/kpi/won-by-period';
import { t } from '@/lib/i18n';

/**
 * Won value by month (chart and table) and by quarter (table), exact in the tables and on hover; compact only
 * on the chart's axis. An empty range says what to do instead of drawing a chart of zeros.
 */
export function WonByPeriod({ report, currency }: { report: AnalyticsReport; currency: string }) {
  const total = report.wonByMonth.reduce((sum, r) => sum + r.amount, 0);
  const deals = report.wonByMonth.reduce((sum, r) => sum + r.deals, 0);
  return (
    <section aria-labelledby="analytics-won">
      <h2 id="analytics-won">{t('analytics_wonTitle')}</h2>
      {deals === 0 ? (
        <p class="muted" data-testid="won-empty">
          {t('analytics_wonEmpty')}
        </p>
      ) : (
        <>
          <p>
            {t('analytics_wonTotal')}{' '}
            <strong>
              <Value id="won-total" value={total}>
                {money(total, currency)}
              </Value>
            </strong>{' '}
            <span class="muted">{t('analytics_overDeals', count(deals))}</span>
          </p>
          <BarChart
            testid="won-chart"
            title={t('analytics_wonChart')}
            description={t('analytics_wonChartDescription')}
            labels={report.wonByMonth.map((r) => periodLabel(r.key))}
            stacks={[
              {
                label: t('analytics_won'),
                color: 'var(--chart-closed)',
                values: report.wonByMonth.map((r) => r.amount),
              },
            ]}
            format={(v) => money(v, currency, true)}
            exact={(v) => money(v, currency)}
          />
          <WonTable rows={report.wonByQuarter} currency={currency} prefix="won-quarter" grain="quarter" />
          <details>
            <summary>{t('analytics_wonByMonth')}</summary>
            <WonTable rows={report.wonByMonth} currency={currency} prefix="won-month" grain="month" />
          </details>
        </>
      )}
    </section>
  );
}

function WonTable(props: { rows: WonInPeriod[]; currency: string; prefix: string; grain: 'month' | 'quarter' }) {
  const total = props.rows.reduce((sum, r) => sum + r.amount, 0);
  return (
    <div class="table-scroll">
      <table data-testid={`${props.prefix}-table`}>
        <thead>
          <tr>
            <th scope="col">{t(props.grain === 'month' ? 'analytics_month' : 'analytics_quarter')}</th>
            <th scope="col">{t('analytics_wonDeals')}</th>
            <th scope="col">{t('analytics_wonValue')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.key} data-testid={`${props.prefix}-${r.key}`}>
              <th scope="row">{periodLabel(r.key)}</th>
              <td>
                <Value id={`${props.prefix}-${r.key}-deals`} value={r.deals}>
                  {count(r.deals)}
                </Value>
              </td>
              <td>
                <Value id={`${props.prefix}-${r.key}-amount`} value={r.amount}>
                  {money(r.amount, props.currency)}
                </Value>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('analytics_total')}</th>
            <td>{count(props.rows.reduce((sum, r) => sum + r.deals, 0))}</td>
            <td>{money(total, props.currency)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
