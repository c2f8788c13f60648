import type { CandidateBuilder } from './candidate';
import { describe } from './dom';
import { mailtoAddresses } from './sources/mailto-tel';

/** Shared by the card readers (sources/person-cards.ts, sources/team-page.ts): what one person's card says. */

const SOCIAL = /^https?:\/\/(?:[\w-]+\.)?(?:linkedin\.com\/in\/|twitter\.com\/|x\.com\/|github\.com\/)/i;

/** Section headings that read like names ("Active Founders", "Our Speakers") but name no one. */
export const SECTION_WORDS =
  /\b(?:founders?|team|speakers?|leadership|management|board|staff|members|people|partners|advisors|investors|directors|contacts?|tim|pendiri|direksi|pengurus|pembicara|karyawan)\b/i;

/** The card's contact links into `b`: addresses, phones, the LinkedIn profile and other social profiles. */
export function addLinks(b: CandidateBuilder, card: Element, els: readonly Element[]): void {
  const at = describe(card);
  let links = 0;
  for (const a of els) {
    if (a.localName !== 'a' || links++ >= 40) continue;
    const href = a.getAttribute('href') ?? '';
    const where = `${at} ${describe(a)}`;
    if (/^mailto:/i.test(href)) for (const e of mailtoAddresses(href)) b.add('emails', e, where);
    else if (/^tel:/i.test(href)) b.add('phones', href, where);
    else if (SOCIAL.test(href)) {
      if (/linkedin\.com\/in\//i.test(href)) b.set('linkedinUrl', href, where);
      b.add('urls', href, where);
    }
  }
}
