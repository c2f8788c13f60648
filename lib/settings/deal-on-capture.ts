import type { ProspectorDb } from '../db/database';
import { saveSettings } from './store';

/**
 * Sets `dealOnCapture` once, when the extension is installed or updated, so each rep gets the habit they expect:
 * a new install saves captures as leads (off); an install updated from a version where every capture started a
 * deal keeps doing so (on) if it has deals, and the rep can switch it off in Settings. Once the setting is stored
 * this never touches it again. Returns the value it stored, or null when it left the settings alone.
 */
export async function settleDealOnCapture(
  reason: string,
  storedSettings: unknown,
  db: Pick<ProspectorDb, 'deals'>,
): Promise<boolean | null> {
  if (reason !== 'install' && reason !== 'update') return null;
  if (storedSettings && typeof storedSettings === 'object' && 'dealOnCapture' in storedSettings) return null;
  const value = reason === 'update' && (await db.deals.count()) > 0;
  await saveSettings({ dealOnCapture: value });
  return value;
}
