import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/lib/model';
import { loadSettings, settingsItem } from '@/lib/settings/store';

/** The rep's settings, kept current when they change in another page. Starts from `initial` (read at boot). */
export function useSettings(initial: Settings): Settings {
  const [settings, setSettings] = useState(initial);
  useEffect(() => settingsItem.watch(() => void loadSettings().then(setSettings)), []);
  return settings;
}
