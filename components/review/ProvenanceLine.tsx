import { t } from '@/lib/i18n';
import type { Provenance } from '@/lib/model';
import { confidenceWords, sourceWords } from './provenance-words';

/**
 * Where a found value came from, in a rep's words ("from the email signature · probably right"); what exactly
 * the reader matched (extractor, element or key, confidence) only under "Details", for whoever needs it.
 */
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
  const sure = confidenceWords(provenance.confidence);
  const technical = [
    provenance.source,
    provenance.detail,
    provenance.confidence === undefined ? '' : `${Math.round(provenance.confidence * 100)}%`,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <div class="provenance muted" data-testid="provenance">
      <span data-testid="provenance-words">
        {t('provenanceFrom', sourceWords(provenance.source, provenance.detail))}
        {sure && ` · ${sure}`}
      </span>{' '}
      <details class="provenance-details">
        <summary>{t('src_details')}</summary>
        <code>{technical}</code>
      </details>
    </div>
  );
}
