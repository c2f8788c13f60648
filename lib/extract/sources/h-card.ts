import type { CandidateInput } from '../../model';
import { cleanEmail, cleanPhone, cleanText, cleanUrl } from '../text';
import type { Extractor } from '../types';

const MAX_CARDS = 500;

function first(root: Element, selector: string): Element | null {
  return root.querySelector(selector);
}

function value(el: Element | null): string {
  if (!el) return '';
  return cleanText(el.getAttribute('title') ?? el.getAttribute('value') ?? el.textContent);
}

/** Microformats h-card (v2) and vcard (v1) people. */
export const hCard: Extractor = {
  id: 'h-card',
  priority: 40,
  extract(doc, url) {
    const out: CandidateInput[] = [];
    const cards = doc.querySelectorAll('.h-card, .vcard');
    for (let i = 0; i < Math.min(cards.length, MAX_CARDS); i++) {
      const card = cards[i]!;
      const p = (detail: string) => ({ source: 'h-card', detail });
      const nameEl = first(card, '.p-name, .fn');
      const name = nameEl ? value(nameEl) : cleanText(card.textContent, 120);
      const emails = [...card.querySelectorAll('.u-email, .email')]
        .map((e) => cleanEmail(e.getAttribute('href') ?? e.textContent))
        .filter(Boolean);
      const phones = [...card.querySelectorAll('.p-tel, .tel')]
        .map((e) => cleanPhone(e.getAttribute('href') ?? e.textContent))
        .filter(Boolean);
      const urls = [...card.querySelectorAll('a.u-url, a.url')]
        .map((e) => cleanUrl(e.getAttribute('href'), url))
        .filter(Boolean);
      const jobTitle = value(first(card, '.p-job-title, .title'));
      const company = value(first(card, '.p-org, .org'));
      out.push({
        name,
        jobTitle,
        company,
        emails,
        phones,
        urls,
        provenance: {
          name: p(nameEl ? 'p-name' : 'text'),
          ...(jobTitle ? { jobTitle: p('p-job-title') } : {}),
          ...(company ? { company: p('p-org') } : {}),
          ...(emails.length ? { emails: p('u-email') } : {}),
          ...(phones.length ? { phones: p('p-tel') } : {}),
          ...(urls.length ? { urls: p('u-url') } : {}),
        },
        confidence: 0.7,
      });
    }
    return out;
  },
};
