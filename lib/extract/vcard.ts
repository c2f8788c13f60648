/** The fields of one vCard (RFC 6350, also 2.1/3.0) Prospector reads. */
export interface VCardData {
  fn: string;
  given: string;
  family: string;
  org: string;
  title: string;
  emails: string[];
  phones: string[];
  urls: string[];
  locality: string;
}

const MAX_LINES = 500;

function unescapeValue(v: string): string {
  return v.replace(/\\([nN])/g, ' ').replace(/\\([,;\\])/g, '$1');
}

/**
 * The first card in vCard text: unfolds continuation lines, ignores parameters and groups (`item1.EMAIL;TYPE=work:`).
 * Small on purpose: it runs in the page for `data:text/vcard` links.
 */
export function parseVCard(text: string): VCardData | null {
  const lines = text
    .slice(0, 100_000)
    .replace(/\r?\n[ \t]/g, '')
    .split(/\r?\n/)
    .slice(0, MAX_LINES);
  const card: VCardData = {
    fn: '',
    given: '',
    family: '',
    org: '',
    title: '',
    emails: [],
    phones: [],
    urls: [],
    locality: '',
  };
  let inside = false;
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).split(';')[0]!.replace(/^.*\./, '').toUpperCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'BEGIN' && /^vcard$/i.test(value)) inside = true;
    else if (name === 'END' && /^vcard$/i.test(value)) break;
    else if (!inside) continue;
    else if (name === 'FN') card.fn ||= unescapeValue(value);
    else if (name === 'N') {
      const [family = '', given = ''] = value.split(';');
      card.family ||= unescapeValue(family);
      card.given ||= unescapeValue(given);
    } else if (name === 'ORG') card.org ||= unescapeValue(value.split(';')[0] ?? '');
    else if (name === 'TITLE') card.title ||= unescapeValue(value);
    else if (name === 'EMAIL') card.emails.push(value.replace(/^mailto:/i, ''));
    else if (name === 'TEL') card.phones.push(value.replace(/^tel:/i, ''));
    else if (name === 'URL') card.urls.push(value.replace(/\\:/g, ':'));
    else if (name === 'ADR') card.locality ||= unescapeValue(value.split(';')[3] ?? '');
  }
  return inside && (card.fn || card.given || card.family || card.emails.length) ? card : null;
}
