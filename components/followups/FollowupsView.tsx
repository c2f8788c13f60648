import { useState } from 'preact/hooks';
import { useNow } from '@/components/board/use-now';
import { useLiveQuery } from '@/components/use-live-query';
import type { ViewProps } from '@/entrypoints/options/views';
import { getDb } from '@/lib/db/database';
import { describeError } from '@/lib/errors';
import { t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/money';
import { send } from '@/lib/messaging/client';
import { type FollowUpItem, followUpsDue } from '@/lib/reminders/due';
import { formatDateTime } from '../board/format';
import { defaultFollowUp } from '../contact-detail/DealPanel';

/** "Acme · Acme — Pilot" reads twice: the deal title alone when it already names the company. */
function dealLine(company: string, title: string): string {
  if (!title) return company;
  return company && !title.startsWith(company) ? `${company} — ${title}` : title;
}

function Item({ item, onError }: { item: FollowUpItem; onError: (text: string) => void }) {
  const { deal, contact } = item;
  const name = contact.name || contact.emails[0] || t('unnamed');
  const run = (p: Promise<unknown>) => p.catch((err) => onError(describeError(err)));
  return (
    <li class={`fu-${item.state}`} data-testid="followup-item">
      <div>
        <a href={`#contacts?id=${encodeURIComponent(contact.id)}`} data-testid="followup-contact">
          {name}
        </a>
        <span class="muted"> · {dealLine(contact.company, deal.title)}</span>
      </div>
      <div class="small">
        <span class="fu-when">{formatDateTime(deal.followUpAt!)}</span>
        {deal.followUpNote && <span> — {deal.followUpNote}</span>}
      </div>
      <div class="row-actions">
        <button
          type="button"
          data-testid="followup-done"
          onClick={() => run(send('deal.followUpDone', { dealId: deal.id }))}
        >
          {t('followups_done')}
        </button>
        <button
          type="button"
          onClick={() =>
            run(send('deal.update', { dealId: deal.id, patch: { followUpAt: defaultFollowUp(Date.now(), 1) } }))
          }
        >
          {t('followups_tomorrow')}
        </button>
      </div>
    </li>
  );
}

/** Follow-ups due today and overdue (options.html#followups; a summary reminder opens it). */
export function FollowupsView(_props: ViewProps) {
  const now = useNow();
  const items = useLiveQuery(() => followUpsDue(getDb(), now), [now]);
  const [error, setError] = useState('');
  if (!items) return <p class="muted">{t('board_loading')}</p>;
  const overdue = items.filter((i) => i.state === 'overdue');
  const today = items.filter((i) => i.state === 'today');
  return (
    <div class="followups-view">
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {items.length === 0 && <p class="muted">{t('followups_none')}</p>}
      {overdue.length > 0 && (
        <section aria-labelledby="overdue-title">
          <h2 id="overdue-title">{t('followups_overdue', formatNumber(overdue.length))}</h2>
          <ul class="plain-list followup-list" data-testid="followups-overdue">
            {overdue.map((item) => (
              <Item key={item.deal.id} item={item} onError={setError} />
            ))}
          </ul>
        </section>
      )}
      {today.length > 0 && (
        <section aria-labelledby="today-title">
          <h2 id="today-title">{t('followups_today', formatNumber(today.length))}</h2>
          <ul class="plain-list followup-list" data-testid="followups-today">
            {today.map((item) => (
              <Item key={item.deal.id} item={item} onError={setError} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
