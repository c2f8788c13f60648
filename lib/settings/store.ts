import { storage } from 'wxt/utils/storage';
import { autoDetectListOf, DEFAULT_SETTINGS, Settings } from '../model';

/** The rep's settings, versioned: bump `version` and add a migration when the shape changes. */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: {
    // 2: auto-detection became the list of sites turned on (it was one true/false field per site).
    2: (old: Record<string, unknown>) => ({ ...old, autoDetect: autoDetectListOf(old.autoDetect) }),
  },
});

/** Settings as stored, repaired to the current shape (a field missing or invalid takes its default). */
export async function loadSettings(): Promise<Settings> {
  const raw = await settingsItem.getValue();
  const parsed = Settings.safeParse(raw);
  return parsed.success
    ? parsed.data
    : Settings.parse({ ...DEFAULT_SETTINGS, ...(typeof raw === 'object' ? raw : {}) });
}

/** A change to the settings: the fields to set, or a function of the settings as stored when the change runs. */
export type SettingsChange = Partial<Settings> | ((current: Settings) => Partial<Settings>);

let queue: Promise<unknown> = Promise.resolve();

/**
 * Applies a change to the stored settings. Changes made in this page run one after another, each on what the one
 * before it stored: three quick edits (a currency, a weight, a checkbox) used to read the same old settings
 * and the last write undid the others. Nested fields (BANT weights, auto-detection) should be changed with a
 * function, so they too start from what is stored rather than from a render's copy.
 */
export function saveSettings(change: SettingsChange): Promise<Settings> {
  const run = queue.then(async () => {
    const current = await loadSettings();
    const patch = typeof change === 'function' ? change(current) : change;
    const next = Settings.parse({ ...current, ...patch });
    await settingsItem.setValue(next);
    return next;
  });
  queue = run.catch(() => undefined);
  return run;
}
