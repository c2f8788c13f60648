import { CandidateBuilder } from '../candidate';
import { blockText, describe, isBlock, isSkipped } from '../dom';
import { emailsInText, mayHaveEmail, phonesInText } from '../patterns';
import { cleanText, JOB_WORDS, looksLikeName } from '../text';
import type { Extractor, RawCandidate } from '../types';

const MAX_CHARS = 3_000_000;
const MAX_BLOCKS = 500;

/** "Jane Doe – ", "Contact Jane Doe: " → "Jane Doe": the words just before an address, when they read like a name. */
function nameBefore(text: string): string {
  const parts = text.split(/[\n:|•·,;()<>[\]–—-]+|\s{2,}/).map((p) => cleanText(p, 100));
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i]!.replace(/^(?:e-?mail|contact|write to|reach|hubungi)\s+/i, '');
    if (!p || JOB_WORDS.test(p)) continue;
    return looksLikeName(p) ? p : '';
  }
  return '';
}

/**
 * Email addresses (including "name [at] domain [dot] com" obfuscations) and labelled or international phone
 * numbers in the text a visitor reads: scripts, styles and hidden elements are skipped. Addresses and numbers in
 * the same block (paragraph, list item, table cell) are one person; the words before an address are a name hint.
 */
export const visibleText: Extractor = {
  id: 'visible-text',
  priority: 5,
  extract(doc, url) {
    const body = doc.body;
    if (!body) return [];
    // Text nodes, grouped by their nearest block element, in document order.
    const blocks = new Map<Element, string[]>();
    let chars = 0;
    const walker = doc.createTreeWalker(body, 5 /* SHOW_ELEMENT | SHOW_TEXT */, {
      acceptNode: (n) => (n.nodeType === 1 ? (isSkipped(n as Element) ? 2 : 3) : 1),
    });
    for (let n = walker.nextNode(); n && chars < MAX_CHARS; n = walker.nextNode()) {
      const data = (n as Text).data;
      chars += data.length;
      if (!mayHaveEmail(data) && !/\d{3}/.test(data)) continue;
      let block = n.parentElement;
      while (block && block !== body && !isBlock(block)) block = block.parentElement;
      // A table row is one record: the name sits in another cell of it.
      if (block && (block.localName === 'td' || block.localName === 'th')) block = block.parentElement ?? block;
      if (!block) continue;
      const list = blocks.get(block);
      if (list) list.push(data);
      else if (blocks.size < MAX_BLOCKS) blocks.set(block, [data]);
    }
    const out: RawCandidate[] = [];
    for (const [block, texts] of blocks) {
      // The whole block when it is small, line by line: an obfuscated address may span elements
      // (`jane<b>[at]</b>acme.com`), and a row's cells must not run together.
      const small = (block.textContent ?? '').length <= 5000;
      const text = small ? blockText(block).join('\n') : texts.join(' ');
      const emails = emailsInText(text, 20);
      const phones = phonesInText(text, 10);
      if (!emails.length) continue;
      const detail = describe(block);
      for (const [i, e] of emails.entries()) {
        const b = new CandidateBuilder('visible-text', 0.35, url);
        b.add('emails', e.value, `${detail} text`);
        const start = i === 0 ? 0 : emails[i - 1]!.index + emails[i - 1]!.length;
        b.set('name', nameBefore(text.slice(start, e.index)), `${detail} text before the address`, 0.3);
        // One address in the block: its numbers belong to it. Several: nobody can tell whose number is whose.
        if (emails.length === 1) for (const p of phones) b.add('phones', p.value, `${detail} text`, 0.3);
        out.push(b.done()!);
      }
    }
    return out;
  },
};
