import type { MessageKey } from '../i18n';
import type { ForecastCategory, Stage, StageKind } from '../model';

interface StageTemplate {
  id: string;
  label: MessageKey;
  probability: number;
  kind: StageKind;
  forecastCategory: ForecastCategory;
  color: string;
}

const won: StageTemplate = {
  id: 'won',
  label: 'stage_won',
  probability: 1,
  kind: 'won',
  forecastCategory: 'closed',
  color: '#2e7d32',
};
const lost: StageTemplate = {
  id: 'lost',
  label: 'stage_lost',
  probability: 0,
  kind: 'lost',
  forecastCategory: 'omitted',
  color: '#9e9e9e',
};

/** The default sales process. Probabilities are common B2B defaults; the rep can change them. */
export const DEFAULT_PIPELINE: StageTemplate[] = [
  {
    id: 'prospecting',
    label: 'stage_prospecting',
    probability: 0.05,
    kind: 'open',
    forecastCategory: 'pipeline',
    color: '#607d8b',
  },
  {
    id: 'initial_contact',
    label: 'stage_initial_contact',
    probability: 0.1,
    kind: 'open',
    forecastCategory: 'pipeline',
    color: '#1976d2',
  },
  {
    id: 'qualification',
    label: 'stage_qualification',
    probability: 0.2,
    kind: 'open',
    forecastCategory: 'pipeline',
    color: '#0288d1',
  },
  { id: 'demo', label: 'stage_demo', probability: 0.4, kind: 'open', forecastCategory: 'best_case', color: '#00897b' },
  {
    id: 'proposal',
    label: 'stage_proposal',
    probability: 0.6,
    kind: 'open',
    forecastCategory: 'best_case',
    color: '#f9a825',
  },
  {
    id: 'closing',
    label: 'stage_closing',
    probability: 0.8,
    kind: 'open',
    forecastCategory: 'commit',
    color: '#ef6c00',
  },
  won,
  lost,
];

/** A short process for small teams. */
export const SHORT_PIPELINE: StageTemplate[] = [
  {
    id: 'lead',
    label: 'stage_prospecting',
    probability: 0.1,
    kind: 'open',
    forecastCategory: 'pipeline',
    color: '#607d8b',
  },
  {
    id: 'qualified',
    label: 'stage_qualification',
    probability: 0.4,
    kind: 'open',
    forecastCategory: 'best_case',
    color: '#0288d1',
  },
  {
    id: 'proposal',
    label: 'stage_proposal',
    probability: 0.7,
    kind: 'open',
    forecastCategory: 'commit',
    color: '#f9a825',
  },
  won,
  lost,
];

export const PIPELINE_TEMPLATES = { default: DEFAULT_PIPELINE, short: SHORT_PIPELINE } as const;

/** Stages from a template, named in the rep's language (`label` translates a message key). */
export function stagesFromTemplate(template: StageTemplate[], label: (key: MessageKey) => string): Stage[] {
  return template.map((s, order) => ({
    id: s.id,
    name: label(s.label),
    order,
    probability: s.probability,
    kind: s.kind,
    forecastCategory: s.forecastCategory,
    color: s.color,
  }));
}

/** Stages in board order. */
export function sortStages(stages: readonly Stage[]): Stage[] {
  return [...stages].sort((a, b) => a.order - b.order);
}

/** The stage a new prospect lands in: the first open stage. */
export function firstOpenStage(stages: readonly Stage[]): Stage | undefined {
  return sortStages(stages).find((s) => s.kind === 'open');
}
