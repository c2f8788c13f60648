import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, Settings } from '../model';

/** The rep's settings, versioned: bump `version` and add a migration when the shape changes. */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Settings as stored, repaired to the current shape (a field missing or invalid takes its default). */
export async function loadSettings(): Promise<Settings> {
  const raw = await settingsItem.getValue();
  const parsed = Settings.safeParse(raw);
  return parsed.success
    ? parsed.data
    : Settings.parse({ ...DEFAULT_SETTINGS, ...(typeof raw === 'object' ? raw : {}) });
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = Settings.parse({ ...(await loadSettings()), ...patch });
  await settingsItem.setValue(next);
  return next;
}
