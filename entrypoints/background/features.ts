import type { WorkGate } from '@/lib/background/work-gate';
import type { ProspectorDb } from '@/lib/db/database';
import type { Settings } from '@/lib/model';
import { badge } from './badge';
import { bantBackfill } from './bant-backfill';
import { captureShortcut } from './capture-shortcut';
import { contextMenu } from './context-menu';
import { dealOnCapture } from './deal-on-capture';
import { reminders } from './reminders';
import { restoreWatch } from './restore-watch';

export interface BackgroundContext {
  db: ProspectorDb;
  settings: () => Promise<Settings>;
  now: () => number;
  /** Resolves once the database is seeded; wait for it before writing. */
  ready: Promise<void>;
  /** A rep's work runs through it; housekeeping waits for its quiet and steps aside when work starts. */
  work: WorkGate;
}

/**
 * One background feature (context menus, shortcuts, badge, reminders…): it registers its browser listeners
 * synchronously in `register` (MV3 wakes the worker only for listeners added on start-up) and delegates to lib/.
 */
export interface BackgroundFeature {
  id: string;
  register(ctx: BackgroundContext): void;
  /** Called after the rep changed the language in Settings (the locale is applied already): retitle what it made. */
  localeChanged?(): void;
}

/** Every background feature, one line each. A feature that throws while registering never stops the others. */
export const FEATURES: BackgroundFeature[] = [
  reminders,
  badge,
  captureShortcut,
  contextMenu,
  restoreWatch,
  dealOnCapture,
  bantBackfill,
];
