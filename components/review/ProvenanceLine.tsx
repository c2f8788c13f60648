import { type MessageKey, t } from '@/lib/i18n';
import type { Provenance } from '@/lib/model';

const SOURCES: Record<string, MessageKey> = {
  'json-ld': 'popup_srcJsonLd',
  'h-card': 'popup_srcHCard',
  'mailto-tel': 'popup_srcLink',
  microdata: 'popup_srcMicrodata',
  rdfa: 'popup_srcRdfa',
  opengraph: 'popup_srcMeta',
  meta: 'popup_srcMeta',
  linkedin: 'popup_srcLinkedin',
  gmail: 'popup_srcGmail',
  outlook: 'popup_srcOutlook',
  signature: 'popup_srcSignature',
  manual: 'popup_srcManual',
};

/** Where a found value came from: the source (named for people), the element or key, and how sure it is. */
export function ProvenanceLine({
  provenance,
  edited,
  empty,
}: {
  provenance: Provenance | undefined;
  edited: boolean;
  empty: boolean;
}) {
  if (edited)
    return (
      <p class="provenance edited" data-testid="provenance">
        {t('popup_editedByYou')}
      </p>
    );
  if (!provenance)
    return empty ? null : (
      <p class="provenance muted" data-testid="provenance">
        {t('popup_srcUnknown')}
      </p>
    );
  const source = SOURCES[provenance.source] ? t(SOURCES[provenance.source]!) : provenance.source;
  const confidence =
    provenance.confidence === undefined ? '' : ` · ${t('popup_confidence', Math.round(provenance.confidence * 100))}`;
  return (
    <p class="provenance muted" data-testid="provenance">
      {t('provenanceFrom', source)}
      {provenance.detail && <code>{provenance.detail}</code>}
      {confidence}
    </p>
  );
}
