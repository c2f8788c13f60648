import { useEffect, useRef, useState } from 'preact/hooks';
import { useReport } from '@/components/forecast/use-report';
import { OwnerScopeControl } from '@/components/owner-scope/OwnerScopeControl';
import { useMyOwnerNames } from '@/components/owner-scope/use-my-owner-names';
import type { ViewProps } from '@/components/view-props';
import type { AnalyticsParams } from '@/lib/forecast/analytics-report';
import { dayKey } from '@/lib/forecast/calendar';
import { t } from '@/lib/i18n';
import { type OwnerScope, reportOwners, scopeFromParams, scopeToParams } from '@/lib/pipeline/owner-scope';
import { PRESETS, presetRange, readRange } from './analytics-params';
import { Funnel } from './Funnel';
import { KpiCards } from './KpiCards';
import { Prospects } from './Prospects';
import { WonByPeriod } from './WonByPeriod';
import '@/components/forecast/reports.css';

const PRESET_LABEL = {
  '30d': 'analytics_preset30d',
  '90d': 'analytics_preset90d',
  '12m': 'analytics_preset12m',
  ytd: 'analytics_presetYtd',
  all: 'analytics_presetAll',
} as const;

/** Pipeline KPIs for a range of days (options.html#analytics?from=…&to=…), with their definitions. */
export function AnalyticsView({ settings, params, setParams }: ViewProps) {
  const [now] = useState(() => Date.now());
  const today = dayKey(now, 'local');
  // The first day any deal was created or closed, once a report has said (for 'All time').
  const [firstDay, setFirstDay] = useState<string | null>(null);
  const range = readRange(params, now, firstDay);
  const scope = scopeFromParams(params);
  const myNames = useMyOwnerNames(settings.owner);
  const request: AnalyticsParams = {
    firstDay: range.from,
    lastDay: range.to,
    now,
    zone: 'local',
    currency: settings.currency,
    owner: reportOwners(scope, myNames),
  };
  const { report, error, busy } = useReport('analytics', request);
  const [movedToAll, setMovedToAll] = useState(false);
  useEffect(() => {
    const span = report?.span;
    if (!span) return;
    setFirstDay(span.first);
    // Opened on the default range but every deal is older: open on a range that holds them (all time).
    if (!range.explicit && span.last < range.from) {
      setMovedToAll(true);
      setRange(span.first, today);
    }
  }, [report?.span?.first, report?.span?.last]);
  const marked = useRef(false);
  useEffect(() => {
    if (report && !marked.current) {
      marked.current = true;
      performance.mark('analytics-ready');
    }
  }, [report]);
  function setRange(from: string, to: string) {
    const next = new URLSearchParams(params);
    next.set('from', from);
    next.set('to', to);
    setParams(next);
  }
  const setScope = (next: OwnerScope) => setParams(scopeToParams(next, params));

  return (
    <div class="report" aria-busy={busy ? 'true' : 'false'} data-testid="analytics-view">
      <form class="report-controls" aria-label={t('analytics_rangeLabel')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('analytics_from')}
          <input
            type="date"
            data-testid="analytics-from"
            value={range.from}
            max={range.to}
            onChange={(e) => e.currentTarget.value && setRange(e.currentTarget.value, range.to)}
          />
        </label>
        <label>
          {t('analytics_to')}
          <input
            type="date"
            data-testid="analytics-to"
            value={range.to}
            min={range.from}
            onChange={(e) => e.currentTarget.value && setRange(range.from, e.currentTarget.value)}
          />
        </label>
        <fieldset>
          <legend>{t('analytics_presets')}</legend>
          <div class="report-controls">
            {PRESETS.map((p) => (
              <button
                key={p}
                type="button"
                aria-pressed={range.preset === p ? 'true' : 'false'}
                data-testid={`preset-${p}`}
                onClick={() => {
                  const r = presetRange(p, today, firstDay);
                  setRange(r.from, r.to);
                }}
              >
                {t(PRESET_LABEL[p])}
              </button>
            ))}
          </div>
        </fieldset>
        <OwnerScopeControl scope={scope} owners={report?.owners ?? []} onChange={setScope} />
      </form>
      {error && (
        <p role="alert" class="error">
          {t('forecast_failed', error)}
        </p>
      )}
      {!report ? (
        !error && <p class="muted">{t('forecast_working')}</p>
      ) : (
        <div class="report-body" data-testid="analytics-ready">
          {movedToAll && (
            <p class="muted" data-testid="analytics-moved-all">
              {t('analytics_openedOnAll')}
            </p>
          )}
          {report.deals === 0 ? (
            <p data-testid="analytics-empty">{t('analytics_noDeals')}</p>
          ) : (
            <>
              <KpiCards report={report} currency={settings.currency} />
              <WonByPeriod report={report} currency={settings.currency} />
              <Funnel report={report} />
              <Prospects report={report} />
            </>
          )}
          <AnalyticsDefinitions />
        </div>
      )}
    </div>
  );
}

function AnalyticsDefinitions() {
  const items = [
    ['analytics_winRate', 'analytics_defWinRate'],
    ['analytics_avgWonSize', 'analytics_defAvgWonSize'],
    ['analytics_medianCycle', 'analytics_defCycle'],
    ['analytics_velocity', 'analytics_defVelocity'],
    ['analytics_funnelTitle', 'analytics_defFunnel'],
    ['analytics_medianDays', 'analytics_defDwell'],
    ['analytics_bottleneckTitle', 'analytics_defBottleneck'],
    ['analytics_prospectsTitle', 'analytics_defProspects'],
    ['analytics_capturesTitle', 'analytics_defCaptures'],
  ] as const;
  return (
    <section aria-labelledby="analytics-definitions">
      <details open>
        <summary>
          <h2 id="analytics-definitions" style={{ display: 'inline' }}>
            {t('forecast_definitions')}
          </h2>
        </summary>
        <dl class="definitions">
          {items.map(([term, def]) => (
            <div key={term}>
              <dt>{t(term)}</dt>
              <dd>{t(def)}</dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  );
}
