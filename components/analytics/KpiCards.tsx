import type { ComponentChildren } from 'preact';
import { count, days as daysText, money, percent, UNKNOWN } from '@/components/forecast/format';
import { Value } from '@/components/forecast/Value';
import type { AnalyticsReport } from '@/lib/forecast/analytics-report';
import { t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/money';

function Card({
  label,
  children,
  note,
  change,
}: {
  label: string;
  children: ComponentChildren;
  note?: ComponentChildren;
  change?: ComponentChildren;
}) {
  return (
    <div class="kpi">
      <dt>{label}</dt>
      <dd>
        {children}
        {note && <span class="kpi-note">{note}</span>}
        {change && <span class="kpi-note kpi-change">{change}</span>}
      </dd>
    </div>
  );
}

/**
 * The change from the period of the same length just before the range: the signed difference (data-value) and,
 * beside it, what the figure was then. Unknown on either side: the figure then, with no difference.
 */
function Change(props: {
  id: string;
  now: number | null;
  before: number | null;
  days: number;
  format: (v: number | null) => string;
  /** How a difference is written (a share's difference in points, money as money…). */
  diff: (d: number) => string;
}) {
  const d = props.now === null || props.before === null ? null : props.now - props.before;
  return (
    <Value id={props.id} value={d}>
      {d !== null && (
        <strong class={d > 0 ? 'up' : d < 0 ? 'down' : undefined}>
          {d > 0 ? '▲ ' : d < 0 ? '▼ ' : ''}
          {props.diff(d)}{' '}
        </strong>
      )}
      {t('analytics_previous', count(props.days), props.format(props.before))}
    </Value>
  );
}

const signed = (text: string, d: number) => (d > 0 ? `+${text}` : text);

/** The headline KPIs for the range; each figure has a stable test id and its raw value. */
export function KpiCards({ report, currency }: { report: AnalyticsReport; currency: string }) {
  const { winRate, wonSize, cycle, previous } = report;
  const days = Math.round((report.range.end - report.range.start) / 86_400_000);
  const m = (v: number | null) => money(v, currency);
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
        change={
          <Change
            id="kpi-win-rate-change"
            now={winRate.rate}
            before={previous.winRate.rate}
            days={days}
            format={(v) => percent(v)}
            diff={(d) => signed(t('analytics_points', formatNumber(d * 100, { maximumFractionDigits: 1 })), d)}
          />
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
        change={
          <Change
            id="kpi-avg-won-size-change"
            now={wonSize.average}
            before={previous.wonSize.average}
            days={days}
            format={m}
            diff={(d) => signed(m(d), d)}
          />
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
              {daysText(cycle.meanDays)}
            </Value>
          </>
        }
        change={
          <Change
            id="kpi-median-cycle-change"
            now={cycle.medianDays}
            before={previous.cycle.medianDays}
            days={days}
            format={daysText}
            diff={(d) => signed(daysText(d), d)}
          />
        }
      >
        <Value id="kpi-median-cycle" value={cycle.medianDays}>
          {daysText(cycle.medianDays)}
        </Value>
      </Card>
      <Card
        label={t('analytics_velocity')}
        note={t('analytics_perDay')}
        change={
          <Change
            id="kpi-velocity-change"
            now={report.velocity}
            before={previous.velocity}
            days={days}
            format={m}
            diff={(d) => signed(m(d), d)}
          />
        }
      >
        <Value id="kpi-velocity" value={report.velocity}>
          {report.velocity === null ? UNKNOWN : money(report.velocity, currency)}
        </Value>
      </Card>
      <Card
        label={t('analytics_openDeals')}
        note={t('analytics_atRangeEnd')}
        change={
          <Change
            id="kpi-open-deals-change"
            now={report.openDeals}
            before={previous.openDeals}
            days={days}
            format={(v) => (v === null ? UNKNOWN : count(v))}
            diff={(d) => signed(count(d), d)}
          />
        }
      >
        <Value id="kpi-open-deals" value={report.openDeals}>
          {count(report.openDeals)}
        </Value>
      </Card>
      <Card
        label={t('analytics_newProspects')}
        note={t('analytics_inRange')}
        change={
          <Change
            id="kpi-new-prospects-change"
            now={report.prospects.total}
            before={previous.newProspects}
            days={days}
            format={(v) => (v === null ? UNKNOWN : count(v))}
            diff={(d) => signed(count(d), d)}
          />
        }
      >
        <Value id="kpi-new-prospects" value={report.prospects.total}>
          {count(report.prospects.total)}
        </Value>
      </Card>
    </dl>
  );
}
