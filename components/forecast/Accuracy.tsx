import type { AccuracyRow, TrackRecord } from '@/lib/forecast/accuracy';
import { dayStart } from '@/lib/forecast/calendar';
import { t } from '@/lib/i18n';
import { formatDate } from '@/lib/i18n/money';
import { count, money, percent, periodLabel, signedPercent } from './format';
import { Value } from './Value';

function AccuracyTable({ rows, currency, prefix }: { rows: AccuracyRow[]; currency: string; prefix: string }) {
  return (
    <div class="table-scroll">
      <table data-testid={`${prefix}-table`}>
        <thead>
          <tr>
            <th scope="col">{t('forecast_period')}</th>
            <th scope="col">{t('forecast_said')}</th>
            <th scope="col">{t('forecast_saidFirm')}</th>
            <th scope="col">{t('forecast_actuallyWon')}</th>
            <th scope="col">{t('forecast_error')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const id = `${prefix}-${r.key}`;
            return (
              <tr key={r.key} data-testid={id}>
                <th scope="row">{periodLabel(r.key)}</th>
                <td>
                  <Value id={`${id}-forecast`} value={r.forecast}>
                    {money(r.forecast, currency)}
                  </Value>
                </td>
                <td>{money(r.committed, currency)}</td>
                <td>
                  <Value id={`${id}-actual`} value={r.actual}>
                    {money(r.actual, currency)}
                  </Value>
                </td>
                <td>
                  <Value id={`${id}-error`} value={r.errorPct}>
                    {signedPercent(r.errorPct)}
                  </Value>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** What the forecast said on the chosen past date for the periods that have ended since, next to what closed. */
export function AsOfAccuracy({
  asOfDay,
  rows,
  currency,
}: {
  asOfDay: string | null;
  rows: AccuracyRow[];
  currency: string;
}) {
  return (
    <section aria-labelledby="forecast-accuracy">
      <h2 id="forecast-accuracy">{t('forecast_accuracyTitle')}</h2>
      {!asOfDay ? (
        <p class="muted" data-testid="accuracy-hint">
          {t('forecast_accuracyHint')}
        </p>
      ) : rows.length === 0 ? (
        <p class="muted" data-testid="accuracy-none">
          {t('forecast_accuracyNoneEnded')}
        </p>
      ) : (
        <>
          <p class="muted">{t('forecast_accuracyIntro', formatDate(dayStart(asOfDay, 'local')))}</p>
          <AccuracyTable rows={rows} currency={currency} prefix="accuracy" />
        </>
      )}
    </section>
  );
}

/** The track record: the forecast made on the first day of each past period, for that period, vs what was won. */
export function TrackRecordTable({ record, currency }: { record: TrackRecord | undefined; currency: string }) {
  return (
    <section aria-labelledby="forecast-track" aria-busy={record ? 'false' : 'true'}>
      <h2 id="forecast-track">{t('forecast_trackTitle')}</h2>
      <p class="muted">{t('forecast_trackIntro')}</p>
      {!record ? (
        <p class="muted">{t('forecast_working')}</p>
      ) : (
        <>
          <p>
            {t('forecast_trackMean')}{' '}
            <strong>
              <Value id="track-mean-error" value={record.meanAbsErrorPct}>
                {percent(record.meanAbsErrorPct === null ? null : record.meanAbsErrorPct / 100)}
              </Value>
            </strong>{' '}
            <span class="muted">
              {t('forecast_trackPeriods', count(record.rows.filter((r) => r.errorPct !== null).length))}
            </span>
          </p>
          <AccuracyTable rows={record.rows} currency={currency} prefix="track" />
        </>
      )}
    </section>
  );
}
