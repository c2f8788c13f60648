import type { ComponentChildren } from 'preact';
import { count, days, money, percent, UNKNOWN } from '@/components/forecast/format';
import { Value } from '@/components/forecast/Value';
import type { AnalyticsReport } from '@/lib/forecast/analytics-report';
import { t } from '@/lib/i18n';

function Card({ label, children, note }: { label: string; children: ComponentChildren; note?: ComponentChildren }) {
  return (
    <div class="kpi">
      <dt>{label}</dt>
      <dd>
        {children}
        {note && <span class="kpi-note">{note}</span>}
      </dd>
    </div>
  );
}

/** The headline KPIs for the range; each figure has a stable test id and its raw value. */
export function KpiCards({ report, currency }: { report: AnalyticsReport; currency: string }) {
  const { winRate, wonSize, cycle } = report;
  return (
    <dl class="kpis" aria-label={t('analytics_kpisLabel')}>
      <Card
        label={t('analytics_winRate')}
        note={
          <>
            <Value id="kpi-won" value={winRate.won}>
              {count(winRate.won)}
            </Value>{' '}
            {t('analytics_wonOf')}{' '}
            <Value id="kpi-closed" value={winRate.won + winRate.lost}>
              {count(winRate.won + winRate.lost)}
            </Value>{' '}
            {t('analytics_closedDeals')}
          </>
        }
      >
        <Value id="kpi-win-rate" value={winRate.rate}>
          {percent(winRate.rate)}
        </Value>
      </Card>
      <Card
        label={t('analytics_avgWonSize')}
        note={
          wonSize.unknownAmount + wonSize.otherCurrency > 0 ? (
            <Value id="kpi-avg-won-size-left-out" value={wonSize.unknownAmount + wonSize.otherCurrency}>
              {t('analytics_leftOut', count(wonSize.unknownAmount + wonSize.otherCurrency))}
            </Value>
          ) : (
            t('analytics_overDeals', count(wonSize.count))
          )
        }
      >
        <Value id="kpi-avg-won-size" value={wonSize.average}>
          {money(wonSize.average, currency)}
        </Value>
      </Card>
      <Card
        label={t('analytics_medianCycle')}
        note={
          <>
            {t('analytics_meanCycle')}{' '}
            <Value id="kpi-mean-cycle" value={cycle.meanDays}>
              {days(cycle.meanDays)}
            </Value>
          </>
        }
      >
        <Value id="kpi-median-cycle" value={cycle.medianDays}>
          {days(cycle.medianDays)}
        </Value>
      </Card>
      <Card label={t('analytics_velocity')} note={t('analytics_perDay')}>
        <Value id="kpi-velocity" value={report.velocity}>
          {report.velocity === null ? UNKNOWN : money(report.velocity, currency)}
        </Value>
      </Card>
      <Card label={t('analytics_openDeals')} note={t('analytics_atRangeEnd')}>
        <Value id="kpi-open-deals" value={report.openDeals}>
          {count(report.openDeals)}
        </Value>
      </Card>
      <Card label={t('analytics_newProspects')} note={t('analytics_inRange')}>
        <Value id="kpi-new-prospects" value={report.prospects.total}>
          {count(report.prospects.total)}
        </Value>
      </Card>
    </dl>
  );
}
