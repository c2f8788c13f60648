import { browser } from 'wxt/browser';
import { AUTO_SITES, type AutoSiteId, originsOf, siteById } from '@/lib/extract/site-list';
import { saveSettings } from '@/lib/settings/store';

export { AUTO_SITES };

const originsOfId = (site: AutoSiteId) => originsOf(siteById(site)!);

/**
 * Turns automatic detection on a site on or off. On asks the browser for the site's optional host permission
 * first (this must run inside the click that asked for it: nothing may be awaited before the request), and
 * only a granted permission turns the setting on. Off turns the setting off, then gives the permission back.
 * Returns whether detection is now on.
 */
export async function setAutoDetect(site: AutoSiteId, on: boolean): Promise<boolean> {
  const origins = originsOfId(site);
  if (on) {
    const granted = await browser.permissions.request({ origins });
    if (!granted) return false;
    await saveSettings((stored) => ({ autoDetect: [...stored.autoDetect.filter((s) => s !== site), site] }));
    return true;
  }
  await saveSettings((stored) => ({ autoDetect: stored.autoDetect.filter((s) => s !== site) }));
  await browser.permissions.remove({ origins });
  return false;
}

/** Which sites' host permissions the browser holds now (the rep can revoke them in the browser's settings). */
export async function grantedSites(): Promise<Record<AutoSiteId, boolean>> {
  const out = {} as Record<AutoSiteId, boolean>;
  for (const site of AUTO_SITES) out[site] = await browser.permissions.contains({ origins: originsOfId(site) });
  return out;
}
