import type { Stage } from '../model';
import { sortStages } from '../pipeline/default-stages';
import { headerKey } from './guess-columns';

/** File stage value (as `stageValueKey`) → our stage id. */
export type StageValueMapping = Record<string, string>;

/** "Closed Won", "closedwon" and "CLOSED-WON" are one value. */
export function stageValueKey(value: string): string {
  return headerKey(value);
}

/**
 * Stage names of HubSpot (deal stages and lifecycle stages, display and internal names), Salesforce, Pipedrive
 * and the generic opportunity list, pointing at our stages (the default and the short pipeline's ids).
 */
const SYNONYMS: [string[], string[]][] = [
  [
    ['prospecting', 'lead'],
    [
      'prospecting',
      'prospect',
      'lead',
      'leadin',
      'newlead',
      'new',
      'subscriber',
      'marketingqualifiedlead',
      'mql',
      'open',
      'notcontacted',
      'attemptedtocontact',
      'unqualified',
    ],
  ],
  [
    ['initial_contact', 'lead'],
    ['engaging', 'contacted', 'contactmade', 'initialcontact', 'connected', 'inprogress', 'working', 'firstcontact'],
  ],
  [
    ['qualification', 'qualified'],
    [
      'qualification',
      'qualified',
      'qualifiedtobuy',
      'needsanalysis',
      'salesqualifiedlead',
      'sql',
      'discovery',
      'needsdefined',
      'iddecisionmakers',
      'appointmentscheduled',
      'opportunity',
    ],
  ],
  [
    ['demo', 'qualified'],
    [
      'demo',
      'demoscheduled',
      'trial',
      'presentation',
      'presentationscheduled',
      'valueproposition',
      'perceptionanalysis',
    ],
  ],
  [
    ['proposal'],
    ['proposal', 'proposalmade', 'proposalpricequote', 'quote', 'quotesent', 'decisionmakerboughtin', 'evaluation'],
  ],
  [
    ['closing', 'proposal'],
    [
      'closing',
      'negotiation',
      'negotiationreview',
      'negotiationsstarted',
      'contractsent',
      'commit',
      'verbal',
      'verbalcommit',
    ],
  ],
];

const WON = /^(closed)?(won|win|wins|customer|evangelist|signed|closedwon)$/;
const LOST = /^(closed)?(lost|lose|dead|disqualified|churned|closedlost|rejected|cancelled|canceled)$/;

export interface StageGuess {
  stageId: string;
  /** false when nothing matched and the value went to the first open stage: the wizard marks it for review. */
  sure: boolean;
}

/** Our stage for a file's stage value: same name or id, a known synonym, won/lost words, else the first open stage. */
export function guessStage(value: string, stages: readonly Stage[]): StageGuess {
  const sorted = sortStages(stages);
  const key = stageValueKey(value);
  const byName = sorted.find((s) => stageValueKey(s.name) === key || stageValueKey(s.id) === key);
  if (byName) return { stageId: byName.id, sure: true };
  if (key) {
    for (const [ids, words] of SYNONYMS) {
      if (!words.includes(key)) continue;
      const target = ids.map((id) => sorted.find((s) => s.id === id && s.kind === 'open')).find(Boolean);
      if (target) return { stageId: target.id, sure: true };
    }
    const kind = WON.test(key) ? 'won' : LOST.test(key) ? 'lost' : null;
    const closed = kind && sorted.find((s) => s.kind === kind);
    if (closed) return { stageId: closed.id, sure: true };
  }
  const first = sorted.find((s) => s.kind === 'open') ?? sorted[0];
  return { stageId: first?.id ?? '', sure: false };
}

/** Guesses for every distinct value of a file's stage column. */
export function guessStageMapping(values: Iterable<string>, stages: readonly Stage[]): StageValueMapping {
  const out: StageValueMapping = {};
  for (const v of values) {
    const key = stageValueKey(v);
    if (!(key in out)) out[key] = guessStage(v, stages).stageId;
  }
  return out;
}

/** A status column's value: won, lost, open, or null when it says none of those. */
export function parseStatus(value: string): 'won' | 'lost' | 'open' | null {
  const key = stageValueKey(value);
  if (!key) return null;
  if (WON.test(key)) return 'won';
  if (LOST.test(key)) return 'lost';
  if (/^(open|active|inprogress|pending)$/.test(key)) return 'open';
  return null;
}

/**
 * The stage a closed deal's history starts at, guessed from the file: its creation date column names a stage
 * the file uses ("engage_date" and the stage value "Engaging"), so a deal with that date entered that stage then;
 * we take what the rep's stage mapping says that value means, if it is an open stage. Otherwise null (the first
 * open stage). Words compare by a shared start of at least five letters ("engag…"), so both need that many.
 */
export function guessClosedStart(
  dateHeader: string | undefined,
  mapping: StageValueMapping,
  stages: readonly Stage[],
): string | null {
  if (!dateHeader) return null;
  const words = dateHeader
    .normalize('NFKD')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length >= 5);
  for (const [value, stageId] of Object.entries(mapping)) {
    const stage = stages.find((s) => s.id === stageId);
    if (stage?.kind !== 'open' || value.length < 5) continue;
    if (words.some((w) => sharedStart(w, value) >= 5)) return stageId;
  }
  return null;
}

function sharedStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}
