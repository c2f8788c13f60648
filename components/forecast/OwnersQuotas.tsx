import { useState } from 'preact/hooks';
import { DraftInput } from '@/components/settings/DraftInput';
import { useLiveQuery } from '@/components/use-live-query';
import { t } from '@/lib/i18n';
import { currencyDigits, formatMoney, toMinor } from '@/lib/i18n/money';
import { send } from '@/lib/messaging/client';
import { QuotaPeriod } from '@/lib/model';
import { ownersByName, quotasLatestFirst } from '@/lib/read/team';
import { periodLabel } from './format';
import { ownerSlug } from './QuotaTable';

/**
 * Settings: the team's owners (rename, merge two spellings of one rep, the sync user name team sync knows them
 * by) and quotas per owner or for the team, per month or quarter. Every change goes through the background.
 */
export function OwnersQuotas({ currency }: { currency: string }) {
  const owners = useLiveQuery(ownersByName, []);
  const quotas = useLiveQuery(quotasLatestFirst, []);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const run = async (job: () => Promise<unknown>) => {
    setError('');
    setStatus('');
    try {
      await job();
      setStatus(t('detail_saved'));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  const nameOf = (id: string | null) =>
    id === null ? t('quota_team') : (owners?.find((o) => o.id === id)?.name ?? id);

  return (
    <section class="settings-section" aria-labelledby="owners-title" data-testid="owners-quotas">
      <h2 id="owners-title">{t('owners_title')}</h2>
      <p class="muted">{t('owners_help')}</p>
      <p class="muted" role="status">
        {status}
      </p>
      {error && (
        <p class="error" role="alert" data-testid="owners-error">
          {error}
        </p>
      )}
      {owners && owners.length === 0 && <p class="muted">{t('owners_empty')}</p>}
      {owners && owners.length > 0 && (
        <div class="table-scroll">
          <table data-testid="owners-table">
            <thead>
              <tr>
                <th scope="col">{t('owners_name')}</th>
                <th scope="col">{t('owners_user')}</th>
                <th scope="col">{t('owners_mergeInto')}</th>
              </tr>
            </thead>
            <tbody>
              {owners.map((o) => (
                <tr key={o.id} data-testid={`owner-${ownerSlug(o.name)}`}>
                  <td>
                    <DraftInput
                      value={o.name}
                      maxLength={200}
                      data-testid="owner-name"
                      onCommit={(text) =>
                        text.trim() && text.trim() !== o.name
                          ? void run(() => send('owners.rename', { from: o.name, to: text.trim() }))
                          : undefined
                      }
                    />
                    {o.aliases.length > 0 && (
                      <small class="muted"> {t('owners_alsoWritten', o.aliases.join(', '))}</small>
                    )}
                  </td>
                  <td>
                    <DraftInput
                      value={o.user}
                      maxLength={200}
                      data-testid="owner-user"
                      onCommit={(text) => void run(() => send('owners.setUser', { name: o.name, user: text }))}
                    />
                  </td>
                  <td>
                    <select
                      data-testid="owner-merge"
                      value=""
                      aria-label={t('owners_mergeLabel', o.name)}
                      onChange={(e) => {
                        const into = e.currentTarget.value;
                        e.currentTarget.value = '';
                        if (into && confirm(t('owners_mergeConfirm', o.name, into)))
                          void run(() => send('owners.merge', { from: o.name, into }));
                      }}
                    >
                      <option value="">—</option>
                      {owners
                        .filter((x) => x.id !== o.id)
                        .map((x) => (
                          <option key={x.id} value={x.name}>
                            {x.name}
                          </option>
                        ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <QuotaForm owners={owners?.map((o) => o.name) ?? []} currency={currency} run={run} />
      {quotas && quotas.length > 0 && (
        <ul data-testid="quota-list">
          {quotas.map((q) => (
            <li key={q.id} data-testid="quota-item">
              {nameOf(q.ownerId)} · {periodLabel(q.period)} · {formatMoney(q.amount, q.currency)}{' '}
              <button
                type="button"
                onClick={() =>
                  void run(() =>
                    send('quota.set', {
                      owner: q.ownerId === null ? null : nameOf(q.ownerId),
                      period: q.period,
                      amount: null,
                      currency: q.currency,
                    }),
                  )
                }
              >
                {t('owners_removeQuota')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function QuotaForm(props: { owners: string[]; currency: string; run: (job: () => Promise<unknown>) => Promise<void> }) {
  const [owner, setOwner] = useState('');
  const [period, setPeriod] = useState('');
  const [amount, setAmount] = useState('');
  const [problem, setProblem] = useState('');
  const submit = (e: Event) => {
    e.preventDefault();
    const p = period.trim().toUpperCase();
    const major = Number(amount.replace(/[\s,]/g, ''));
    if (!QuotaPeriod.safeParse(p).success) return setProblem(t('owners_periodInvalid'));
    if (!amount.trim() || !Number.isFinite(major) || major < 0) return setProblem(t('owners_amountInvalid'));
    setProblem('');
    void props.run(() =>
      send('quota.set', {
        owner: owner || null,
        period: p,
        amount: toMinor(major, props.currency),
        currency: props.currency,
      }),
    );
  };
  return (
    <form class="quota-form" onSubmit={submit} data-testid="quota-form">
      <label>
        <span>{t('quota_owner')}</span>
        <select data-testid="quota-owner" value={owner} onChange={(e) => setOwner(e.currentTarget.value)}>
          <option value="">{t('quota_team')}</option>
          {props.owners.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('owners_period')}</span>
        <input
          type="text"
          data-testid="quota-period"
          placeholder="2026-11 / 2026-Q4"
          value={period}
          onInput={(e) => setPeriod(e.currentTarget.value)}
        />
      </label>
      <label>
        <span>{t('owners_amount', props.currency)}</span>
        <input
          type="text"
          inputMode="decimal"
          data-testid="quota-amount"
          step={10 ** -currencyDigits(props.currency)}
          value={amount}
          onInput={(e) => setAmount(e.currentTarget.value)}
        />
      </label>
      <button type="submit" data-testid="quota-save">
        {t('owners_setQuota')}
      </button>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
