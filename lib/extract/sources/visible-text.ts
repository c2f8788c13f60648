import { CandidateBuilder } from '../candidate';
import { blockText, describe, isBlock } from '../dom';
import { Budget } from '../limits';
import { emailsInText, mayHaveEmail, phonesInText } from '../patterns';
import { cleanText, JOB_WORDS, looksLikeName } from '../text';
import type { Extractor, RawCandidate } from '../types';

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

const MAX_NODES = 2000;
const HIDDEN =
  'script, style, noscript, template, textarea, [hidden], [aria-hidden="true"], [style*="display:none"], [style*="display: none"]';

/**
 * Email addresses (including "name [at] domain [dot] com" obfuscations) and labelled or international phone
 * numbers in the text a visitor reads: scripts, styles and hidden elements are skipped. Addresses and numbers in
 * the same block (paragraph, list item, table row) are one person; the words before an address are a name hint.
 */
export const visibleText: Extractor = {
  id: 'visible-text',
  priority: 5,
  extract(doc, url, budget = new Budget()) {
    const body = doc.body;
    // Most pages hold no address at all: one native read of the text says so before any walk.
    if (!body || !mayHaveEmail(body.textContent ?? '')) return [];
    // Text nodes that may hold an address, grouped by their nearest block element (a table row for cells).
    const blocks = new Set<Element>();
    const walker = doc.createTreeWalker(body, 4 /* SHOW_TEXT */);
    let seen = 0;
    for (let n = walker.nextNode(); n && seen < MAX_NODES && blocks.size < MAX_BLOCKS; n = walker.nextNode()) {
      if (!budget.spend()) break;
      const data = (n as Text).data;
      if (data.length < 5 || !mayHaveEmail(data)) continue;
      seen++;
      const parent = n.parentElement;
      if (!parent || parent.closest(HIDDEN)) continue;
      let block: Element | null = parent;
      while (block && block !== body && !isBlock(block)) block = block.parentElement;
      if (block && (block.localName === 'td' || block.localName === 'th')) block = block.parentElement ?? block;
      if (block) blocks.add(block);
    }
    const out: RawCandidate[] = [];
    for (const block of blocks) {
      // Reading a block costs up to its cap: counted as a few hundred visits.
      if (!budget.spend(200)) break;
      // The block line by line (cells and paragraphs must not run together); an obfuscated address may span
      // elements (`jane<b>[at]</b>acme.com`). A huge block is read up to a cap.
      const text = blockText(block, { maxChars: 20_000 }).join('\n');
      const emails = emailsInText(text, 20);
      if (!emails.length) continue;
      const phones = phonesInText(text, 10);
      const detail = describe(block);
      for (const [i, e] of emails.entries()) {
        // "CTO @ Example.io" is a headline, not an address: a bare @ never has spaces around it.
        if (/\s[@＠]|[@＠]\s/.test(text.slice(e.index, e.index + e.length))) continue;
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
