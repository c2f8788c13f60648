import type { MessageKey } from '../i18n';

/**
 * A site Prospector has adapters for, declared once. Everything else is derived from this list: the source a
 * capture records (`siteOf`), the badge's and auto-detection's origins, the manifest's optional host permissions,
 * the labels in settings and analytics, the shape of `Settings.autoDetect` and the e2e build's sites.
 *
 * Plain data, no imports but a type: the page reader carries it (siteOf runs in the page), so it must stay tiny.
 * Each adapter in lib/extract/sites/ names its site by id; tests/unit/extract/registry.test.ts checks the rest.
 */
export interface Site {
  /** Stored as each capture's source (`contact.source.site`): never rename one. */
  id: string;
  /** The site's pages' host names, exact. Auto-detection asks for `https://<host>/*` for each. */
  hosts: readonly string[];
  /** Any subdomain of this domain is the site too (public LinkedIn profiles live on id.linkedin.com…). */
  domain?: string;
  /** The site's name as a rep reads it (an i18n key: every locale has it). */
  label: MessageKey;
  /**
   * Whether the rep may let Prospector read the site's pages on its own (badge, capture on load): the hosts become
   * optional host permissions, asked for only when the rep turns it on in Settings.
   */
  autoDetect: boolean;
}

export const SITES = [
  { id: 'linkedin', hosts: ['www.linkedin.com'], domain: 'linkedin.com', label: 'site_linkedin', autoDetect: true },
  { id: 'gmail', hosts: ['mail.google.com'], label: 'site_gmail', autoDetect: true },
  {
    id: 'outlook',
    hosts: ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft'],
    label: 'site_outlook',
    autoDetect: true,
  },
  { id: 'github', hosts: ['github.com', 'www.github.com'], label: 'site_github', autoDetect: false },
] as const satisfies readonly Site[];

type Declared = (typeof SITES)[number];
export type SiteId = Declared['id'];
/** The sites auto-detection can be turned on for. */
export type AutoSiteId = Extract<Declared, { autoDetect: true }>['id'];

export const AUTO_SITES: readonly AutoSiteId[] = SITES.filter(
  (s): s is Extract<Declared, { autoDetect: true }> => s.autoDetect,
).map((s) => s.id);

export function siteById(id: string): Site | undefined {
  return SITES.find((s) => s.id === id);
}

/** Whether a host name is one of the site's. */
export function onSite(site: Site, hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (site.hosts.includes(host)) return true;
  return !!site.domain && (host === site.domain || host.endsWith(`.${site.domain}`));
}

/** The site a page belongs to ('web' for any other page): recorded as a capture's source. */
export function siteOf(url: URL): SiteId | 'web' {
  return SITES.find((s) => onSite(s, url.hostname))?.id ?? 'web';
}

/** Match patterns for a site's hosts (https only): its optional host permissions. */
export function originsOf(site: Site): string[] {
  return site.hosts.map((h) => `https://${h}/*`);
}

/** Every auto-detect site's origins: the manifest's optional host permissions. */
export function autoDetectOrigins(): string[] {
  return SITES.filter((s) => s.autoDetect).flatMap(originsOf);
}
