import type { TargetedKeyboardEvent } from 'preact';
import { memo } from '@/components/memo';
import type { BoardDeal } from '@/lib/db/deal-index';
import { t } from '@/lib/i18n';
import type { Contact, Settings, Stage } from '@/lib/model';
import { scoreBant } from '@/lib/pipeline/bant';
import { followUpState } from '@/lib/pipeline/filters';
import { daysInStage } from '@/lib/pipeline/probability';
import { formatAmount, formatDateTime, formatShortDate } from './format';

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
  settings: Settings;
  now: number;
  onMove: (deal: BoardDeal, stageId: string, name: string) => void;
  onKeyDown: (e: TargetedKeyboardEvent<HTMLElement>, deal: BoardDeal, name: string, index: number) => void;
}

/**
 * One deal on the board: who, company, amount, BANT score, days in stage, follow-up (overdue marked), and a
 * stage menu. Focusable and draggable; keys are handled by the board (see board_keyboardHelp).
 */
export const DealCard = memo(function DealCard({
  deal,
  contact,
  index,
  stages,
  settings,
  now,
  onMove,
  onKeyDown,
}: DealCardProps) {
  const name = contactLabel(contact);
  const bant = scoreBant(deal.bant, settings.bantWeights);
  const follow = followUpState(deal.followUpAt, now);
  const nameId = `deal-${deal.id}-name`;
  return (
    <article
      class="deal-card"
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
        <span
          class={`bant-score bant-${bant >= 67 ? 'high' : bant >= 34 ? 'mid' : 'low'}`}
          title={t('board_bantTitle')}
        >
          {t('board_bant', bant)}
        </span>
      </div>
      <div class="card-company muted">{contact?.company || deal.title}</div>
      <div class="card-row">
        <span class="card-amount">
          {deal.amount === null ? (
            <span class="muted">{t('board_noAmount')}</span>
          ) : (
            formatAmount(deal.amount, deal.currency)
          )}
        </span>
        <span class="muted">
          {t('board_daysInStage', daysInStage({ stageEntries: [], createdAt: deal.enteredAt }, now))}
        </span>
      </div>
      <div class="card-row">
        {follow === 'none' ? (
          <span />
        ) : (
          <span
            class={`followup followup-${follow}`}
            title={t('board_followUpTitle', formatDateTime(deal.followUpAt!))}
            data-testid={follow === 'overdue' ? 'followup-overdue' : undefined}
          >
            {follow === 'overdue'
              ? t('board_followUpOverdue', formatShortDate(deal.followUpAt!, now))
              : follow === 'today'
                ? t('board_followUpToday')
                : t('board_followUpOn', formatShortDate(deal.followUpAt!, now))}
          </span>
        )}
        <select
          class="card-stage"
          aria-label={t('board_moveTo', name)}
          data-testid="card-stage"
          value={deal.stageId}
          onChange={(e) => onMove(deal, e.currentTarget.value, name)}
          onKeyDown={(e) => e.stopPropagation()}
        >
          {stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
    </article>
  );
});
