import { BarChart } from '@/components/forecast/BarChart';
import { count, periodLabel } from '@/components/forecast/format';
import { Value } from '@/components/forecast/Value';
import type { AnalyticsReport } from '@/lib/forecast/analytics-report';
import { t } from '@/lib/i18n';
import { sourceLabel } from '../source-label';

const SOURCE_COLORS = ['s1', 's2', 's3', 's4', 's5', 's6'].map((s) => `var(--chart-${s})`);

/** New prospects per month by source, and captures per week: charts with tables of the same numbers. */
export function Prospects({ report }: { report: AnalyticsReport }) {
  const { prospects, captures } = report;
  // Six colours at most: further sources are drawn together as "other" (the table keeps each one).
  const shown = prospects.sources.slice(0, prospects.sources.length > 6 ? 5 : 6);
  const rest = prospects.sources.slice(shown.length);
  const stacks = shown.map((s, i) => ({
    label: sourceLabel(s),
    color: SOURCE_COLORS[i]!,
    values: prospects.rows.map((r) => r.bySource[s] ?? 0),
  }));
  if (rest.length)
    stacks.push({
      label: t('analytics_otherSources'),
      color: SOURCE_COLORS[5]!,
      values: prospects.rows.map((r) => rest.reduce((n, s) => n + (r.bySource[s] ?? 0), 0)),
    });
  const monthLabels = prospects.rows.map((r) => periodLabel(r.key));
  return (
    <>
      <section aria-labelledby="analytics-prospects">
        <h2 id="analytics-prospects">{t('analytics_prospectsTitle')}</h2>
        <BarChart
          testid="prospects-chart"
          title={t('analytics_prospectsTitle')}
          description={t('analytics_prospectsDescription')}
          labels={monthLabels}
          stacks={stacks}
          format={(v) => count(Math.round(v))}
        />
        <div class="table-scroll">
          <table data-testid="prospects-table">
            <thead>
              <tr>
                <th scope="col">{t('analytics_month')}</th>
                {prospects.sources.map((s) => (
                  <th scope="col" key={s}>
                    {sourceLabel(s)}
                  </th>
                ))}
                <th scope="col">{t('forecast_total')}</th>
              </tr>
            </thead>
            <tbody>
              {prospects.rows.map((r, i) => (
                <tr key={r.key}>
                  <th scope="row">{monthLabels[i]}</th>
                  {prospects.sources.map((s) => (
                    <td key={s}>
                      <Value id={`prospects-${r.key}-${s}`} value={r.bySource[s] ?? 0}>
                        {count(r.bySource[s] ?? 0)}
                      </Value>
                    </td>
                  ))}
                  <td>
                    <Value id={`prospects-${r.key}-total`} value={r.total}>
                      {count(r.total)}
                    </Value>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="analytics-captures">
        <h2 id="analytics-captures">{t('analytics_capturesTitle')}</h2>
        <p class="muted">{t('analytics_capturesIntro')}</p>
        <BarChart
          testid="captures-chart"
          title={t('analytics_capturesTitle')}
          description={t('analytics_capturesDescription')}
          labels={captures.map((w) => periodLabel(w.key, true))}
          stacks={[{ label: t('analytics_captures'), color: 'var(--chart-s1)', values: captures.map((w) => w.count) }]}
          format={(v) => count(Math.round(v))}
        />
        <details>
          <summary>{t('analytics_showNumbers')}</summary>
          <div class="table-scroll">
            <table data-testid="captures-table">
              <thead>
                <tr>
                  <th scope="col">{t('analytics_weekOf')}</th>
                  <th scope="col">{t('analytics_captures')}</th>
                </tr>
              </thead>
              <tbody>
                {captures.map((w) => (
                  <tr key={w.key}>
                    <th scope="row">{periodLabel(w.key)}</th>
                    <td>
                      <Value id={`captures-${w.key}`} value={w.count}>
                        {count(w.count)}
                      </Value>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </section>
    </>
  );
}
