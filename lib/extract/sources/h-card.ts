import type { Extractor } from '../types';

const MAX_CARDS = 200;
const MAX_CARD_CHARS = 50_000;
const MAX_TOTAL_CHARS = 1_000_000;

/**
 * Microformats h-card (v2 `h-card`) and classic hCard (v1 `vcard`). The page only collects the outermost cards'
 * HTML; the background parses them with the microformats-parser (lib/capture/h-card.ts), which implements the
 * whole mf2 spec including v1 backwards compatibility but is too large (parse5) to inject into pages.
 */
export const hCard: Extractor = {
  id: 'h-card',
  priority: 40,
  collect(doc) {
    const out: string[] = [];
    let total = 0;
    // Two class look-ups (indexed by the browser) rather than one selector list (a walk over the whole page).
    const v2 = doc.getElementsByClassName('h-card');
    const v1 = doc.getElementsByClassName('vcard');
    const cards = !v1.length
      ? [...v2]
      : !v2.length
        ? [...v1]
        : [...new Set([...v2, ...v1])].sort((a, b) => (a.compareDocumentPosition(b) & 2 ? 1 : -1));
    for (let i = 0; i < cards.length && out.length < MAX_CARDS; i++) {
      const card = cards[i]!;
      // Nested cards (an h-card's p-org h-card) are parsed with their outer card.
      if (card.parentElement?.closest('.h-card, .vcard')) continue;
      const html = card.outerHTML;
      if (html.length > MAX_CARD_CHARS || total + html.length > MAX_TOTAL_CHARS) continue;
      total += html.length;
      out.push(html);
    }
    return out;
  },
};
