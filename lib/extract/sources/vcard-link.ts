import { CandidateBuilder } from '../candidate';
import { describe } from '../dom';
import { Budget } from '../limits';
import { cleanText } from '../text';
import type { Extractor, RawCandidate } from '../types';
import { parseVCard } from '../vcard';
import { nameHint } from './mailto-tel';

const MAX_LINKS = 200;
const VCARD_LINKS = 'a[href*=".vcf" i], a[href^="data:text/" i], a[type*="vcard" i]';
const VCARD_HREF = /\.vcf(?:[?#]|$)|^data:text\/(?:x-)?vcard/i;

function decodeDataUri(href: string): string {
  const comma = href.indexOf(',');
  if (comma < 0) return '';
  const meta = href.slice(5, comma);
  const data = href.slice(comma + 1, comma + 1 + 200_000);
  try {
    return /;base64/i.test(meta)
      ? new TextDecoder().decode(Uint8Array.from(atob(data), (c) => c.charCodeAt(0)))
      : decodeURIComponent(data);
  } catch {
    return '';
  }
}

/** "jane-doe.vcf" → "jane doe": a file name as a last-resort name hint. */
function fileName(href: string, download: string | null): string {
  let file = download ?? '';
  try {
    file ||= decodeURIComponent(href.split(/[?#]/)[0]!.split('/').pop() ?? '');
  } catch {
    return '';
  }
  file = file.replace(/\.vcf$/i, '');
  return cleanText(file.replace(/[-_.]+/g, ' ')).replace(/\b\p{Ll}/gu, (c) => c.toUpperCase());
}

/**
 * vCard links. `data:text/vcard` links are read in full. A link to a `.vcf` file is not fetched (Prospector makes
 * no network requests of its own): it yields the person its text names, with the card's address as a link.
 */
export const vcardLink: Extractor = {
  id: 'vcard-link',
  priority: 35,
  extract(doc, url, budget = new Budget()) {
    const out: RawCandidate[] = [];
    // The browser's selector engine narrows the page's links to the likely ones (on a page of 50,000 links,
    // several times faster than reading each link's attributes from script); the pattern then decides.
    const anchors = doc.querySelectorAll(VCARD_LINKS);
    const links: Element[] = [];
    for (let i = 0; i < anchors.length && links.length < MAX_LINKS && budget.spend(); i++) {
      const a = anchors[i]!;
      const href = a.getAttribute('href') ?? '';
      if (VCARD_HREF.test(href) || /vcard/i.test(a.getAttribute('type') ?? '')) links.push(a);
    }
    for (let i = 0; i < links.length; i++) {
      const a = links[i]!;
      const href = a.getAttribute('href') ?? '';
      const detail = describe(a);
      if (/^data:/i.test(href)) {
        const card = parseVCard(decodeDataUri(href));
        if (!card) continue;
        const b = new CandidateBuilder('vcard-link', 0.75, url);
        b.set('name', card.fn || `${card.given} ${card.family}`, `${detail} FN`);
        b.set('givenName', card.given, `${detail} N`);
        b.set('familyName', card.family, `${detail} N`);
        b.set('jobTitle', card.title, `${detail} TITLE`);
        b.set('company', card.org, `${detail} ORG`);
        b.set('location', card.locality, `${detail} ADR`);
        for (const e of card.emails) b.add('emails', e, `${detail} EMAIL`);
        for (const p of card.phones) b.add('phones', p, `${detail} TEL`);
        for (const u of card.urls) {
          if (/linkedin\.com\/in\//i.test(u)) b.set('linkedinUrl', u, `${detail} URL`);
          b.add('urls', u, `${detail} URL`);
        }
        const c = b.done();
        if (c) out.push(c);
        continue;
      }
      const name = nameHint(
        (a.textContent ?? '').replace(
          /\b(?:download|save|add|get)\b|\bv-?card\b|\bcontact( card)?\b|\bto (?:your )?contacts\b|['’]s\b|[()]/gi,
          ' ',
        ),
        a.getAttribute('title'),
        fileName(href, a.getAttribute('download')),
      );
      if (!name) continue;
      const b = new CandidateBuilder('vcard-link', 0.35, url);
      b.set('name', name, `${detail} text`);
      b.add('urls', href, `${detail} href`);
      out.push(b.done()!);
    }
    return out;
  },
};
