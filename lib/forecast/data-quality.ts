import { dayString } from '../db/forecast-index';
import { amountAt, currencyAt, currencyCode, type DealTable, dayNumber, OPEN, stageIdAt } from './deal-table';

/**
 * Open deals the forecast cannot place or size. They are counted and listed, never dropped or counted as zero:
 * - no-amount: amount unknown (the forecast counts the deal but sums nothing for it);
 * - no-close-date: no expected close, so it is in no period;
 * - close-date-past: expected close before today, yet still open;
 * - other-currency: not in the forecast's currency, so not summed with the others.
 */
export const QUALITY_ISSUES = ['no-amount', 'no-close-date', 'close-date-past', 'other-currency'] as const;
export type QualityIssue = (typeof QUALITY_ISSUES)[number];

export interface QualityItem {
  dealId: string;
  contactId: string;
  title: string;
  stageId: string;
  amount: number | null;
  currency: string;
  expectedClose: string | null;
  issues: QualityIssue[];
}

export interface DataQuality {
  openDeals: number;
  counts: Record<QualityIssue, number>;
  /** Every deal with an issue: the total the list pages through. */
  total: number;
  /** The first `limit` of them, worst first: most issues, then earliest expected close (none first). */
  items: QualityItem[];
}

/**
 * The data-quality problems of today's open deals. `today` is the rep's calendar day, `YYYY-MM-DD`. All are
 * counted; the first `limit` are listed (the view pages through them).
 */
export function dataQuality(t: DealTable, opts: { today: string; currency: string; limit?: number }): DataQuality {
  const counts: Record<QualityIssue, number> = {
    'no-amount': 0,
    'no-close-date': 0,
    'close-date-past': 0,
    'other-currency': 0,
  };
  const today = dayNumber(opts.today);
  const currency = currencyCode(t, opts.currency);
  const rows: number[] = [];
  const rank = new Float64Array(t.n);
  let openDeals = 0;
  for (let i = 0; i < t.n; i++) {
    if (t.outcome[i] !== OPEN) continue;
    openDeals++;
    const close = t.expectedClose[i]!;
    let issues = 0;
    if (Number.isNaN(t.amount[i]!)) {
      counts['no-amount']++;
      issues++;
    }
    if (close === 0) {
      counts['no-close-date']++;
      issues++;
    } else if (close < today) {
      counts['close-date-past']++;
      issues++;
    }
    if (t.currency[i] !== currency) {
      counts['other-currency']++;
      issues++;
    }
    if (!issues) continue;
    rank[i] = (4 - issues) * 1e8 + close;
    rows.push(i);
  }
  // Worst first (most issues, then earliest close date, none first), then in table order: numeric keys only, so
  // thousands of problems sort in a blink.
  rows.sort((a, b) => rank[a]! - rank[b]! || a - b);
  const items = rows.slice(0, opts.limit ?? 50).map((i) => {
    const amount = amountAt(t, i);
    const issues: QualityIssue[] = [];
    if (amount === null) issues.push('no-amount');
    if (t.expectedClose[i] === 0) issues.push('no-close-date');
    else if (t.expectedClose[i]! < today) issues.push('close-date-past');
    if (t.currency[i] !== currency) issues.push('other-currency');
    return {
      dealId: t.ids[i]!,
      contactId: t.contactIds[i]!,
      title: t.titles[i]!,
      stageId: stageIdAt(t, i),
      amount,
      currency: currencyAt(t, i),
      expectedClose: dayString(t.expectedClose[i]!),
      issues,
    };
  });
  return { openDeals, counts, total: rows.length, items };
}
