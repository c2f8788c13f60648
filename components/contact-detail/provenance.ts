import { t } from '@/lib/i18n';
import type { Provenance } from '@/lib/model';
import { formatDateTime } from '../board/format';

function host(url: string | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** "from LinkedIn profile page (linkedin.com), 3 Nov 2026" / "edited by you, 3 Nov 2026". */
export function provenanceText(p: Provenance | undefined): string {
  if (!p) return '';
  const when = p.at ? formatDateTime(p.at) : '';
  if (p.source === 'manual') return when ? t('detail_editedOn', when) : t('detail_edited');
  const where = [p.source, host(p.url)].filter(Boolean).join(', ');
  return [t('provenanceFrom', where), when].filter(Boolean).join(' · ');
}
