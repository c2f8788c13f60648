import { t } from '@/lib/i18n';

const KNOWN = {
  linkedin: 'analytics_sourceLinkedin',
  gmail: 'analytics_sourceGmail',
  outlook: 'analytics_sourceOutlook',
  web: 'analytics_sourceWeb',
  import: 'analytics_sourceImport',
  unknown: 'analytics_sourceUnknown',
} as const;

/** A deal source ('linkedin', 'import'…) as the rep reads it; unknown site ids are shown as they are. */
export function sourceLabel(source: string): string {
  return source in KNOWN ? t(KNOWN[source as keyof typeof KNOWN]) : source;
}
