import type { TargetedKeyboardEvent } from 'preact';
import { memo } from '@/components/memo';
import type { BoardDeal } from '@/lib/db/deal-index';
import { t } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n/money';
import type { Contact, Settings, Stage } from '@/lib/model';
import { BANT_KEYS } from '@/lib/model/bant-keys';
import { confirmedParts, scoreBant } from '@/lib/pipeline/bant';
import { followUpState } from '@/lib/pipeline/filters';
import { daysSince, isStale } from '@/lib/pipeline/stale';
import { CardMenu } from './CardMenu';
import { formatAmount, formatDateTime, formatFullDate } from './format';

export { CARD_HEIGHT, CARD_OVERSCAN } from './card-size';
export const DEAL_MIME = 'application/x-prospector-deal';

export function contactLabel(contact: Contact | undefined): string {
  return contact?.name || contact?.emails[0] || t('unnamed');
}

export interface DealCardProps {
  deal: BoardDeal;
  contact: Contact | undefined;
  /** The card's place in its column (for arrow-key navigation). */
  index: number;
  stages: readonly Stage[];
  /** The stage's stale limit in days (null: a closed stage, never stale), worked out once per column. */
  staleAfter: number | null;
  settings: Settings;
  now: number;
  onMove: (deal: BoardDeal, stageId: string, name: string) => void;
  onKeyDown: (e: TargetedKeyboardEvent<HTMLElement>, deal: BoardDeal, name: string, index: number) => void;
}

/**
 * One deal on the board: who, company, amount, days in stage (marked stale past the stage's limit), BANT score
 * with how many parts the rep confirmed, the next follow-up's full date (overdue in red and in words), and a
 * "…" menu (open, move to a stage). Focusable and draggable; keys are handled by the board (board_keyboardHelp).
 */
export const DealCard = memo(function DealCard({
  deal,
  contact,
  index,
  stages,
  staleAfter,
  settings,
  now,
  onMove,
  onKeyDown,
}: DealCardProps) {
  const name = contactLabel(contact);
  const bant = scoreBant(deal.bant, settings.bantWeights);
  const confirmed = confirmedParts(deal.bant);
  const follow = followUpState(deal.followUpAt, now);
  const days = daysSince(deal.enteredAt, now);
  const stale = isStale(deal.enteredAt, staleAfter, now);
  const nameId = `deal-${deal.id}-name`;
  return (
    <article
      class={`deal-card${stale ? ' stale' : ''}`}
      data-testid="deal-card"
      data-deal-id={deal.id}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: each card is one stop of the board's keyboard model (arrows move between cards, Shift+arrows move the deal, Enter opens it), named by aria-labelledby and explained by aria-describedby.
      tabIndex={0}
      draggable
      aria-labelledby={nameId}
      aria-describedby="board-help"
      onKeyDown={(e) => onKeyDown(e, deal, name, index)}
      onDragStart={(e) => {
        e.dataTransfer?.setData(DEAL_MIME, deal.id);
        e.dataTransfer?.setData('text/plain', name);
        if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
      }}
    >
      <div class="card-row">
        <a id={nameId} class="card-name" href={`#contacts?id=${encodeURIComponent(deal.contactId)}`} tabIndex={-1}>
          {name}
        </a>
        <CardMenu deal={deal} name={name} stages={stages} onMove={onMove} />
      </div>
      <div class="card-company muted">{contact?.company || deal.title}</div>
      <div class="card-amount">
        {deal.amount === null ? (
          <span class="muted">{t('board_noAmount')}</span>
        ) : (
          formatAmount(deal.amount, deal.currency)
        )}
      </div>
      <div
        class={`card-meta ${stale ? 'card-stale' : 'muted'}`}
        data-testid={stale ? 'card-stale' : 'card-days'}
        title={staleAfter === null ? undefined : t('board_staleTitle', formatNumber(staleAfter))}
      >
        {stale
          ? t('board_staleDays', formatNumber(days))
          : days === 1
            ? t('board_oneDayInStage')
            : t('board_daysInStage', formatNumber(days))}
      </div>
      <div
        class={`card-meta card-bant bant-${bant >= 67 ? 'high' : bant >= 34 ? 'mid' : 'low'}`}
        title={t('board_bantTitle')}
        data-testid="card-bant"
      >
        {t('board_bantConfirmed', bant, confirmed, BANT_KEYS.length)}
      </div>
      <div class="card-followup">
        {follow === 'none' ? (
          <span class="followup muted">{t('board_noFollowUp')}</span>
        ) : (
          <span
            class={`followup followup-${follow}`}
            title={t('board_followUpTitle', formatDateTime(deal.followUpAt!))}
            data-testid={follow === 'overdue' ? 'followup-overdue' : 'followup'}
          >
            {follow === 'overdue'
              ? t('board_followUpOverdueSince', formatFullDate(deal.followUpAt!))
              : follow === 'today'
                ? t('board_followUpToday')
                : t('board_followUpOn', formatFullDate(deal.followUpAt!))}
          </span>
        )}
      </div>
    </article>
  );
});
