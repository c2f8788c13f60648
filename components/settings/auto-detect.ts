import { browser } from 'wxt/browser';
import type { Settings } from '@/lib/model';
import { SITE_ORIGINS } from '@/lib/popup/badge';
import { saveSettings } from '@/lib/settings/store';

export type AutoSite = keyof Settings['autoDetect'];
export const AUTO_SITES = Object.keys(SITE_ORIGINS) as AutoSite[];

/**
 * Turns automatic detection on a site on or off. On asks the browser for the site's optional host permission
 * first (this must run inside the click that asked for it: nothing may be awaited before the request), and
 * only a granted permission turns the setting on. Off turns the setting off, then gives the permission back.
 * Returns whether detection is now on.
 */
export async function setAutoDetect(site: AutoSite, on: boolean): Promise<boolean> {
  const origins = SITE_ORIGINS[site];
  if (on) {
    const granted = await browser.permissions.request({ origins });
    if (!granted) return false;
    await saveSettings((stored) => ({ autoDetect: { ...stored.autoDetect, [site]: true } }));
    return true;
  }
  await saveSettings((stored) => ({ autoDetect: { ...stored.autoDetect, [site]: false } }));
  await browser.permissions.remove({ origins });
  return false;
}

/** Which sites' host permissions the browser holds now (the rep can revoke them in the browser's settings). */
export async function grantedSites(): Promise<Record<AutoSite, boolean>> {
  const out = {} as Record<AutoSite, boolean>;
  for (const site of AUTO_SITES) out[site] = await browser.permissions.contains({ origins: SITE_ORIGINS[site] });
  return out;
}
