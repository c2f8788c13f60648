import { type MessageKey, t } from '@/lib/i18n';
import type { Seniority } from '@/lib/pipeline/authority';
import type { BantSuggestion, TimelineBucket } from '@/lib/pipeline/suggest-bant';

const SENIORITY: Record<Seniority, MessageKey> = {
  'c-level': 'popup_seniorityCLevel',
  vp: 'popup_seniorityVp',
  director: 'popup_seniorityDirector',
  manager: 'popup_seniorityManager',
  individual: 'popup_seniorityIndividual',
};
const TIMELINE: Record<TimelineBucket, MessageKey> = {
  month: 'popup_reasonCloseMonth',
  quarter: 'popup_reasonCloseQuarter',
  later: 'popup_reasonCloseLater',
  past: 'popup_reasonClosePast',
  none: 'popup_reasonCloseNone',
};

/** Why a BANT level is suggested, in the rep's language. */
export function suggestionReason({ reason }: BantSuggestion): string {
  if ('quote' in reason) return t('popup_reasonEmail', reason.quote);
  switch (reason.part) {
    case 'authority':
      return t('popup_reasonTitle', reason.title, t(SENIORITY[reason.seniority]));
    case 'timeline':
      return t(TIMELINE[reason.bucket]);
    case 'budget':
      return t(
        reason.committed
          ? 'popup_reasonAmountCommitted'
          : reason.amountSet
            ? 'popup_reasonAmount'
            : 'popup_reasonNoAmount',
      );
    case 'need':
      return reason.from === 'flag'
        ? t('popup_reasonFlag', reason.excerpt)
        : t(
            reason.strength === 'urgent'
              ? 'popup_reasonNoteUrgent'
              : reason.strength === 'negative'
                ? 'popup_reasonNoteNegative'
                : 'popup_reasonNoteNeed',
            reason.excerpt,
          );
  }
}
