import { siteById } from '@/lib/extract/site-list';
import { type MessageKey, t } from '@/lib/i18n';

/** Sources that are not sites: any other page, a CSV import, a record from before sources were kept. */
const OTHER: Record<string, MessageKey> = {
  web: 'analytics_sourceWeb',
  import: 'analytics_sourceImport',
  unknown: 'analytics_sourceUnknown',
};

/**
 * A capture's or deal's source ('linkedin', 'import'…) as the rep reads it: a declared site's label
 * (lib/extract/site-list.ts), else one of the other sources; an id no longer declared is shown as stored.
 */
export function sourceLabel(source: string): string {
  const site = siteById(source);
  if (site) return t(site.label);
  return Object.hasOwn(OTHER, source) ? t(OTHER[source]!) : source;
}
