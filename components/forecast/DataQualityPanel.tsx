import { useRef, useState } from 'preact/hooks';
import { describeError } from '@/lib/errors';
import { dayStart } from '@/lib/forecast/calendar';
import { type DataQuality, QUALITY_ISSUES, type QualityIssue, type QualityItem } from '@/lib/forecast/data-quality';
import { t } from '@/lib/i18n';
import { currencyDigits, formatDate, toMinor } from '@/lib/i18n/money';
import { send } from '@/lib/messaging/client';
import type { DealPatch } from '@/lib/model';
import { count, money } from './format';
import { Value } from './Value';

const ISSUE_LABEL = {
  'no-amount': 'forecast_issueNoAmount',
  'no-close-date': 'forecast_issueNoCloseDate',
  'close-date-past': 'forecast_issueCloseDatePast',
  'other-currency': 'forecast_issueOtherCurrency',
} as const satisfies Record<QualityIssue, string>;

/** Open deals the forecast cannot place or size: counted, listed, and fixable in place. */
export function DataQualityPanel({
  quality,
  stageNames,
  today,
  onShowMore,
}: {
  quality: DataQuality;
  stageNames: ReadonlyMap<string, string>;
  today: string;
  onShowMore: () => void;
}) {
  return (
    <section aria-labelledby="forecast-quality">
      <h2 id="forecast-quality">{t('forecast_qualityTitle')}</h2>
      <p class="muted">{t('forecast_qualityIntro', count(quality.openDeals))}</p>
      <dl class="kpis">
        {QUALITY_ISSUES.map((issue) => (
          <div class="kpi" key={issue}>
            <dt>{t(ISSUE_LABEL[issue])}</dt>
            <dd>
              <Value id={`quality-count-${issue}`} value={quality.counts[issue]}>
                {count(quality.counts[issue])}
              </Value>
            </dd>
          </div>
        ))}
      </dl>
      {quality.total === 0 ? (
        <p data-testid="quality-clean">{t('forecast_qualityClean')}</p>
      ) : (
        <>
          <p class="muted">
            <Value id="quality-total" value={quality.total}>
              {t('forecast_qualityShowing', count(quality.items.length), count(quality.total))}
            </Value>
          </p>
          <ul class="quality-list">
            {quality.items.map((item) => (
              <QualityRow key={item.dealId} item={item} stage={stageNames.get(item.stageId) ?? ''} today={today} />
            ))}
          </ul>
          {quality.items.length < quality.total && (
            <button type="button" onClick={onShowMore} data-testid="quality-more">
              {t('forecast_showMore')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function QualityRow({ item, stage, today }: { item: QualityItem; stage: string; today: string }) {
  const [open, setOpen] = useState(false);
  const [amount, setAmount] = useState('');
  const [close, setClose] = useState('');
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string }>({
    kind: 'idle',
  });
  const first = useRef<HTMLInputElement>(null);
  const needsAmount = item.issues.includes('no-amount');
  const needsDate = item.issues.includes('no-close-date') || item.issues.includes('close-date-past');
  const fixable = needsAmount || needsDate;
  const digits = currencyDigits(item.currency);

  const save = async (e: Event) => {
    e.preventDefault();
    const patch: DealPatch = {};
    if (needsAmount && amount.trim() !== '') {
      const major = Number(amount.replace(',', '.'));
      if (!Number.isFinite(major) || major < 0) {
        setStatus({ kind: 'error', message: t('forecast_fixBadAmount') });
        return;
      }
      patch.amount = toMinor(major, item.currency);
    }
    if (needsDate && close) patch.expectedClose = close;
    if (!Object.keys(patch).length) {
      setStatus({ kind: 'error', message: t('forecast_fixNothing') });
      return;
    }
    setStatus({ kind: 'saving' });
    try {
      await send('deal.update', { dealId: item.dealId, patch });
      setStatus({ kind: 'saved' });
    } catch (err) {
      setStatus({ kind: 'error', message: describeError(err) });
    }
  };

  return (
    <li data-testid="quality-item" data-deal-id={item.dealId}>
      <div class="quality-head">
        <strong>{item.title || t('unnamed')}</strong>
        <span class="muted">{stage}</span>
        <span class="muted">
          {item.amount === null ? t('forecast_noAmountShort') : money(item.amount, item.currency)} ·{' '}
          {item.expectedClose ? formatDate(dayStart(item.expectedClose, 'local')) : t('forecast_noDateShort')}
        </span>
        {item.issues.map((issue) => (
          <span class="flag flag-warn" key={issue}>
            {t(ISSUE_LABEL[issue])}
          </span>
        ))}
        {fixable && !open && (
          <button
            type="button"
            data-testid="quality-fix"
            onClick={() => {
              setOpen(true);
              requestAnimationFrame(() => first.current?.focus());
            }}
          >
            {t('forecast_fix')}
          </button>
        )}
      </div>
      {open && (
        <form class="quality-fix" onSubmit={save}>
          {needsAmount && (
            <label class="fix-field">
              {t('forecast_fixAmount', item.currency)}
              <input
                ref={first}
                type="number"
                inputMode="decimal"
                min="0"
                step={digits ? String(10 ** -digits) : '1'}
                value={amount}
                onInput={(e) => setAmount(e.currentTarget.value)}
                data-testid="quality-fix-amount"
              />
            </label>
          )}
          {needsDate && (
            <label class="fix-field">
              {t('forecast_fixCloseDate')}
              <input
                ref={needsAmount ? undefined : first}
                type="date"
                min={today}
                value={close}
                onInput={(e) => setClose(e.currentTarget.value)}
                data-testid="quality-fix-date"
              />
            </label>
          )}
          <button type="submit" class="primary" disabled={status.kind === 'saving'}>
            {t('forecast_fixSave')}
          </button>
          <button type="button" onClick={() => setOpen(false)}>
            {t('forecast_fixCancel')}
          </button>
          <span role="status" class={status.kind === 'error' ? 'error' : 'muted'}>
            {status.kind === 'error' ? status.message : status.kind === 'saved' ? t('forecast_fixSaved') : ''}
          </span>
        </form>
      )}
    </li>
  );
}
