import { t } from '@/lib/i18n';
import type { Provenance } from '@/lib/model';
import { formatDateTime } from '../board/format';
import { sourceWords } from '../review/provenance-words';

function host(url: string | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** "from the LinkedIn profile (linkedin.com) · 3 Nov 2026" / "edited by you, 3 Nov 2026". */
export function provenanceText(p: Provenance | undefined): string {
  if (!p) return '';
  const when = p.at ? formatDateTime(p.at) : '';
  if (p.source === 'manual') return when ? t('detail_editedOn', when) : t('detail_edited');
  const site = host(p.url);
  const from = t('provenanceFrom', sourceWords(p.source, p.detail));
  return [site ? `${from} (${site})` : from, when].filter(Boolean).join(' · ');
}
