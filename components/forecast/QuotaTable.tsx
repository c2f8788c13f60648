import type { Attainment, QuotaReport } from '@/lib/forecast/quota-attainment';
import { t } from '@/lib/i18n';
import { money, percent, periodLabel } from './format';
import { Value } from './Value';

/** Quota attainment, gap and coverage for the first period shown, per owner and for the team. */
export function QuotaTable({ quota, currency }: { quota: QuotaReport; currency: string }) {
  const anyQuota = quota.team.quota !== null || quota.owners.some((o) => o.quota !== null);
  return (
    <section aria-labelledby="forecast-quota">
      <h2 id="forecast-quota">{t('quota_title', periodLabel(quota.period.key))}</h2>
      {!anyQuota ? (
        <p class="muted" data-testid="quota-none">
          {t('quota_none')} <a href="#settings">{t('quota_setInSettings')}</a>
        </p>
      ) : (
        <div class="table-scroll">
          <table data-testid="quota-table">
            <thead>
              <tr>
                <th scope="col">{t('quota_owner')}</th>
                <th scope="col">{t('quota_quota')}</th>
                <th scope="col">{t('forecast_closedWon')}</th>
                <th scope="col">{t('quota_attainment')}</th>
                <th scope="col">{t('quota_gap')}</th>
                <th scope="col">{t('quota_weightedOpen')}</th>
                <th scope="col">{t('quota_coverage')}</th>
              </tr>
            </thead>
            <tbody>
              {quota.owners.map((a) => (
                <QuotaRow key={a.owner} a={a} id={`quota-${ownerSlug(a.owner!)}`} currency={currency} />
              ))}
              <QuotaRow a={quota.team} id="quota-team" currency={currency} total />
            </tbody>
          </table>
        </div>
      )}
      <p class="muted">{t('quota_definitions')}</p>
    </section>
  );
}

/** An owner's name as a test id part: lower case, runs of anything else as one dash. */
export function ownerSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
}

function QuotaRow({ a, id, currency, total }: { a: Attainment; id: string; currency: string; total?: boolean }) {
  return (
    <tr data-testid={id} class={total ? 'total' : undefined}>
      <th scope="row">{a.owner ?? t('quota_team')}</th>
      <td>
        <Value id={`${id}-quota`} value={a.quota}>
          {money(a.quota, currency)}
        </Value>
      </td>
      <td>
        <Value id={`${id}-won`} value={a.won}>
          {money(a.won, currency)}
        </Value>
      </td>
      <td>
        <Value id={`${id}-attainment`} value={a.attainment}>
          {percent(a.attainment)}
        </Value>
      </td>
      <td>
        <Value id={`${id}-gap`} value={a.gap}>
          {money(a.gap, currency)}
        </Value>
      </td>
      <td>
        <Value id={`${id}-open`} value={a.weightedOpen}>
          {money(a.weightedOpen, currency)}
        </Value>
      </td>
      <td>
        <Value id={`${id}-coverage`} value={a.coverage}>
          {a.coverage === null ? (a.quota === null ? '—' : t('quota_met')) : t('quota_times', percent(a.coverage, 0))}
        </Value>
      </td>
    </tr>
  );
}
