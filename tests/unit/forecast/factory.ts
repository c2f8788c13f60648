import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Deal, Stage } from '@/lib/model';
import { DEFAULT_PIPELINE, stagesFromTemplate } from '@/lib/pipeline/default-stages';

export const DAY = 86_400_000;
/** The default pipeline, named by its ids: prospecting … closing, won, lost. */
export const STAGES: Stage[] = stagesFromTemplate(DEFAULT_PIPELINE, (key) => key);
export const EVEN = { budget: 25, authority: 25, need: 25, timeline: 25 };

/** 12:00 UTC on a day, as the import stores a date-only value. */
export function noon(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!, 12);
}

const zero = { level: 0, note: '', confirmed: false };

/** A stored-shape deal; `entries` is its stage history as [stageId, at] pairs, oldest first. */
export function deal(id: string, entries: [string, number][], over: Partial<Deal> = {}): Deal {
  const last = entries.at(-1)!;
  const kind = STAGES.find((s) => s.id === last[0])?.kind;
  const closed = kind === 'won' || kind === 'lost';
  return {
    id,
    contactId: `c-${id}`,
    title: `Deal ${id}`,
    stageId: last[0],
    amount: null,
    currency: 'USD',
    expectedClose: null,
    probability: null,
    forecastCategory: null,
    bant: { budget: zero, authority: zero, need: zero, timeline: zero },
    owner: '',
    source: 'web',
    stageEntries: entries.map(([stageId, at]) => ({ stageId, at })),
    followUpAt: null,
    followUpNote: '',
    createdAt: entries[0]![1],
    updatedAt: last[1],
    closedAt: closed ? last[1] : null,
    outcome: kind === 'won' ? 'won' : kind === 'lost' ? 'lost' : null,
    lostReason: '',
    deletedAt: null,
    ...over,
  };
}

const OPEN_STAGE: Record<string, string> = { Prospecting: 'prospecting', Engaging: 'initial_contact' };

/**
 * The generic opportunity CSV as deals, by the import's rules (lib/pipeline/import-rows.ts): created at the engage
 * date; Won/Lost created in the first open stage and moved to won/lost at the close date; open rows stay in their
 * stage with the close date as expected close; the close value (dollars) is the amount; dates at 12:00 UTC; rows
 * about the same account are one contact.
 * Written here independently of the import, so the test checks the KPIs against the file, not against lib/io.
 */
export function opportunityDeals(path: string): Deal[] {
  const rows = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  return rows.map((r) => {
    const created = noon(r.engage_date!);
    const value = r.close_value ? Math.round(Number(r.close_value) * 100) : null;
    const closeDay = r.close_date || null;
    const common = {
      // The import finds the same account again by name at company: one contact, several deals.
      contactId: `c-${r.account}`,
      title: `${r.product} — ${r.account}`,
      owner: r.sales_agent!,
      source: 'import',
      amount: value,
      expectedClose: closeDay,
    };
    if (r.deal_stage === 'Won' || r.deal_stage === 'Lost') {
      const end = r.deal_stage === 'Won' ? 'won' : 'lost';
      return deal(
        r.opportunity_id!,
        [
          ['prospecting', created],
          [end, noon(closeDay!)],
        ],
        common,
      );
    }
    return deal(r.opportunity_id!, [[OPEN_STAGE[r.deal_stage!]!, created]], common);
  });
}
