// Jitless before this module builds its schemas (lib/zod-setup.ts says why).
import '../zod-setup';
import { z } from 'zod';
import { Id, Text } from './common';

export const ForecastCategory = z.enum(['pipeline', 'best_case', 'commit', 'closed', 'omitted']);
export type ForecastCategory = z.infer<typeof ForecastCategory>;

export const StageKind = z.enum(['open', 'won', 'lost']);
export type StageKind = z.infer<typeof StageKind>;

export const Stage = z.object({
  id: Id,
  name: Text.min(1),
  order: z.number().int(),
  /** Configured win probability, 0..1. */
  probability: z.number().min(0).max(1),
  kind: StageKind,
  forecastCategory: ForecastCategory,
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  /**
   * Days a deal may stay in this (open) stage before the board marks it stale. Absent: the default for the
   * stage (lib/pipeline/stale.ts), so stages stored before the limit existed need no migration.
   */
  staleAfterDays: z.number().int().min(1).max(3650).optional(),
});
export type Stage = z.infer<typeof Stage>;
