import { type MessageKey, t } from '@/lib/i18n';

/**
 * Where a value came from, in a rep's words. Extractor ids ("person-cards", "json-ld") and selectors are for
 * developers: the review form shows them only under "Details". One phrase per kind of source, whichever
 * extractor or adapter version found it.
 */
const EXACT: Record<string, MessageKey> = {
  'json-ld': 'src_structured',
  microdata: 'src_structured',
  rdfa: 'src_structured',
  'h-card': 'src_contactCard',
  'vcard-link': 'src_contactCard',
  'person-cards': 'src_peopleList',
  'mailto-tel': 'src_link',
  'visible-text': 'src_text',
  meta: 'src_description',
  opengraph: 'src_description',
  'meta-profile': 'src_description',
  'linkedin-profile': 'src_linkedinProfile',
  gmail: 'src_email',
  outlook: 'src_email',
  signature: 'src_signature',
  'email-domain': 'src_emailDomain',
  github: 'src_github',
  selection: 'src_selection',
  'context-menu': 'src_selection',
  manual: 'src_manual',
  import: 'src_import',
};

/** "the LinkedIn profile", "the email signature", "the page's structured data"… for a provenance source id. */
export function sourceWords(source: string, detail = ''): string {
  // A LinkedIn headline is where a title and company are read from most often: say so.
  if (source.startsWith('linkedin') && /headline/i.test(detail)) return t('src_linkedinHeadline');
  if (/signature/i.test(detail) && (source === 'gmail' || source === 'outlook')) return t('src_signature');
  const key = EXACT[source] ?? (source.startsWith('linkedin') ? 'src_linkedin' : 'src_page');
  return t(key);
}

/** How sure the reader was, in words: nothing when sure, "probably right" or "a guess: check it" otherwise. */
export function confidenceWords(confidence: number | undefined): string {
  if (confidence === undefined || confidence >= 0.85) return '';
  return confidence >= 0.5 ? t('src_probably') : t('src_guess');
}
