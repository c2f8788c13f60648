import { BarChart } from '@/components/forecast/BarChart';
import { count, days, money, percent } from '@/components/forecast/format';
import { Value } from '@/components/forecast/Value';
import type { AnalyticsReport } from '@/lib/forecast/analytics-report';
import { t } from '@/lib/i18n';

/** Stage conversion and time in stage for the deals created in the range, with the bottleneck flagged. */
export function Funnel({ report }: { report: AnalyticsReport }) {
  const names = new Map(report.stages.map((s) => [s.id, s.name]));
  const dwell = new Map(report.dwell.map((d) => [d.stageId, d]));
  const { funnel, bottleneck } = report;
  const wonName = report.stages.find((s) => s.kind === 'won')?.name ?? t('analytics_won');
  if (funnel.cohort === 0)
    return (
      <section aria-labelledby="analytics-funnel">
        <h2 id="analytics-funnel">{t('analytics_funnelTitle')}</h2>
        <p class="muted" data-testid="funnel-empty">
          {t('analytics_funnelEmpty')}
        </p>
      </section>
    );
  return (
    <section aria-labelledby="analytics-funnel">
      <h2 id="analytics-funnel">{t('analytics_funnelTitle')}</h2>
      <p class="muted">
        {t('analytics_funnelIntro')}{' '}
        <Value id="funnel-cohort" value={funnel.cohort}>
          {t('analytics_cohort', count(funnel.cohort))}
        </Value>
      </p>
      <BarChart
        testid="funnel-chart"
        title={t('analytics_funnelChart')}
        description={t('analytics_funnelChartDescription')}
        labels={[...funnel.rows.map((r) => names.get(r.stageId) ?? r.stageId), wonName]}
        stacks={[
          {
            label: t('analytics_reached'),
            color: 'var(--chart-commit)',
            values: [...funnel.rows.map((r) => r.reached), funnel.won],
          },
          {
            label: t('analytics_skipped'),
            color: 'var(--chart-pipeline)',
            values: [...funnel.rows.map((r) => r.skipped), 0],
          },
        ]}
        format={(v) => count(Math.round(v))}
      />
      <div class="table-scroll">
        <table data-testid="funnel-table">
          <thead>
            <tr>
              <th scope="col">{t('forecast_stage')}</th>
              <th scope="col">{t('analytics_reached')}</th>
              <th scope="col">{t('analytics_skipped')}</th>
              <th scope="col">{t('analytics_toNext')}</th>
              <th scope="col">{t('analytics_wonShare')}</th>
              <th scope="col">{t('analytics_medianDays')}</th>
              <th scope="col">{t('analytics_stays')}</th>
            </tr>
          </thead>
          <tbody>
            {funnel.rows.map((r) => {
              const d = dwell.get(r.stageId);
              const isBottleneck = bottleneck?.stageId === r.stageId;
              return (
                <tr
                  key={r.stageId}
                  data-testid={`funnel-${r.stageId}`}
                  class={isBottleneck ? 'is-bottleneck' : undefined}
                >
                  <th scope="row">
                    {names.get(r.stageId) ?? r.stageId}
                    {isBottleneck && (
                      <>
                        {' '}
                        <span class="flag flag-warn">{t('analytics_bottleneckFlag')}</span>
                      </>
                    )}
                  </th>
                  <td>
                    <Value id={`funnel-${r.stageId}-reached`} value={r.reached}>
                      {count(r.reached)}
                    </Value>
                  </td>
                  <td>
                    <Value id={`funnel-${r.stageId}-skipped`} value={r.skipped}>
                      {count(r.skipped)}
                    </Value>
                  </td>
                  <td>
                    <Value id={`funnel-${r.stageId}-next`} value={r.toNext}>
                      {percent(r.toNext)}
                    </Value>
                  </td>
                  <td>
                    <Value id={`funnel-${r.stageId}-won`} value={r.wonShare}>
                      {percent(r.wonShare)}
                    </Value>
                  </td>
                  <td>
                    <Value id={`dwell-${r.stageId}`} value={d?.medianDays ?? null}>
                      {days(d?.medianDays ?? null)}
                    </Value>
                  </td>
                  <td>{count(d?.sample ?? 0)}</td>
                </tr>
              );
            })}
            <tr>
              <th scope="row">{wonName}</th>
              <td>
                <Value id="funnel-won-reached" value={funnel.won}>
                  {count(funnel.won)}
                </Value>
              </td>
              <td colSpan={5} />
            </tr>
          </tbody>
        </table>
      </div>
      <div class="bottleneck" data-testid="bottleneck">
        <h3>{t('analytics_bottleneckTitle')}</h3>
        {!bottleneck ? (
          <p class="muted" data-testid="bottleneck-none">
            {t('analytics_bottleneckNone')}
          </p>
        ) : (
          <>
            <p>
              <strong>
                <Value id="bottleneck-stage" value={null}>
                  {names.get(bottleneck.stageId) ?? bottleneck.stageId}
                </Value>
              </strong>{' '}
              {bottleneck.reason === 'conversion'
                ? t(
                    'analytics_bottleneckConversion',
                    percent(bottleneck.conversion),
                    percent(bottleneck.othersConversion),
                  )
                : t('analytics_bottleneckDwell', days(bottleneck.medianDays), days(bottleneck.othersMedianDays))}
            </p>
            {bottleneck.stuck.length === 0 ? (
              <p class="muted">{t('analytics_noneStuck')}</p>
            ) : (
              <>
                <p class="muted">{t('analytics_stuckIntro')}</p>
                <ol data-testid="bottleneck-stuck">
                  {bottleneck.stuck.map((d) => (
                    <li key={d.dealId} data-testid="stuck-deal">
                      {d.title || t('unnamed')} — {days(Math.floor(d.days))}
                      {d.amount !== null && <span class="muted"> · {money(d.amount, d.currency)}</span>}
                    </li>
                  ))}
                </ol>
              </>
            )}
          </>
        )}
      </div>
    </section>
  );
}
