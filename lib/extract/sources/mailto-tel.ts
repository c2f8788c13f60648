import { CandidateBuilder } from '../candidate';
import { describe } from '../dom';
import { Budget } from '../limits';
import { cleanText, looksLikeName } from '../text';
import type { Extractor, RawCandidate } from '../types';

const MAX_LINKS = 2000;

/** "Email Jane Doe", "Kirim email ke Jane Doe" → "Jane Doe", when what is left reads like a name. */
export function nameHint(...texts: (string | null | undefined)[]): string {
  for (const raw of texts) {
    const t = cleanText(raw ?? '', 120)
      .replace(
        /^(?:e-?mail|mail|message|contact|write to|send (?:an? )?(?:e-?mail|message) to|call|phone|ring|reach|kirim (?:e-?mail|pesan) (?:ke|kepada)|hubungi|telepon)\s+/i,
        '',
      )
      .replace(/[’']s\s+(?:e-?mail|phone|number).*$/i, '');
    if (looksLikeName(t)) return t;
  }
  return '';
}

/** Addresses in a mailto: URL (`mailto:a@x,b@x?cc=c@x`). */
export function mailtoAddresses(href: string): string[] {
  const body = href.replace(/^mailto:/i, '');
  const [to = '', query = ''] = body.split('?', 2);
  const out = to.split(/[,;]/);
  for (const pair of query.split('&')) {
    const [k, v = ''] = pair.split('=', 2);
    if (/^(?:to|cc)$/i.test(k ?? '')) out.push(...v.split(/[,;]|%2C/i));
  }
  return out.filter(Boolean).slice(0, 10);
}

/** `mailto:` and `tel:` links; the link's text (or title / aria-label) is a name hint when it reads like a name. */
export const mailtoTel: Extractor = {
  id: 'mailto-tel',
  priority: 10,
  extract(doc, url, budget = new Budget()) {
    const out: RawCandidate[] = [];
    // One address linked from every card (sales@) is read a few times, not 2,000: decoys never crowd people out.
    const seen = new Map<string, number>();
    for (const a of doc.querySelectorAll('a[href^="mailto:" i], a[href^="tel:" i]')) {
      if (seen.size >= MAX_LINKS || !budget.spend()) break;
      const href = (a.getAttribute('href') ?? '').slice(0, 2000);
      const times = seen.get(href) ?? 0;
      seen.set(href, times + 1);
      if (times >= 3) continue;
      const name = nameHint(a.textContent, a.getAttribute('title'), a.getAttribute('aria-label'));
      const detail = describe(a);
      if (/^mailto:/i.test(href)) {
        for (const address of mailtoAddresses(href)) {
          const b = new CandidateBuilder('mailto-tel', 0.4, url);
          b.add('emails', address, `${detail} href`);
          if (!b.count('emails')) continue;
          b.set('name', name, `${detail} text`, 0.35);
          out.push(b.done()!);
        }
      } else {
        const b = new CandidateBuilder('mailto-tel', 0.3, url);
        b.add('phones', href, `${detail} href`);
        b.set('name', name, `${detail} text`, 0.3);
        const c = b.done();
        if (c) out.push(c);
      }
    }
    return out;
  },
};
