import type { CandidateInput } from '../../model';
import { cleanEmail, cleanPhone, cleanText } from '../text';
import type { Extractor } from '../types';

const MAX_LINKS = 2000;

/** `mailto:` and `tel:` links; the link text is a name hint when it is not itself the address. */
export const mailtoTel: Extractor = {
  id: 'mailto-tel',
  priority: 10,
  extract(doc) {
    const out: CandidateInput[] = [];
    const links = doc.querySelectorAll('a[href^="mailto:" i], a[href^="tel:" i]');
    const n = Math.min(links.length, MAX_LINKS);
    for (let i = 0; i < n; i++) {
      const a = links[i] as HTMLAnchorElement;
      const href = a.getAttribute('href') ?? '';
      const text = cleanText(a.textContent, 200);
      if (/^mailto:/i.test(href)) {
        const email = cleanEmail(href);
        if (!email) continue;
        const name = text && !text.includes('@') ? text : '';
        out.push({
          name,
          emails: [email],
          provenance: {
            emails: { source: 'mailto-tel', detail: 'a[href^=mailto]' },
            ...(name ? { name: { source: 'mailto-tel', detail: 'link text' } } : {}),
          },
          confidence: 0.4,
        });
      } else {
        const phone = cleanPhone(href);
        if (phone)
          out.push({
            phones: [phone],
            provenance: { phones: { source: 'mailto-tel', detail: 'a[href^=tel]' } },
            confidence: 0.2,
          });
      }
    }
    return out;
  },
};
