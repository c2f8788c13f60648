import type { Contact } from '../model';
import { allUrls } from '../pipeline/profile-urls';

/** Escapes a text value (RFC 6350 §3.4): backslash, comma, semicolon and newlines. */
function esc(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A parameter value, quoted when it holds : ; or , (a double quote cannot be in one: it becomes '). */
function param(value: string): string {
  const v = value.replace(/"/g, "'").replace(/\r\n|\r|\n/g, ' ');
  return /[:;,]/.test(v) ? `"${v}"` : v;
}

const encoder = new TextEncoder();

/** Folds a content line at 75 octets (RFC 6350 §3.2), never inside a UTF-8 character; CRLF line ends. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return `${line}\r\n`;
  const out: string[] = [];
  let cur = '';
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (size + n > limit) {
      out.push(cur);
      cur = '';
      size = 0;
      limit = 74; // continuation lines start with a space
    }
    cur += ch;
    size += n;
  }
  out.push(cur);
  return `${out.join('\r\n ')}\r\n`;
}

function stamp(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One contact as a vCard 4.0 card. */
export function contactToVcard(c: Contact): string {
  const lines = ['BEGIN:VCARD', 'VERSION:4.0'];
  lines.push(UUID.test(c.id) ? `UID:urn:uuid:${c.id}` : `UID;VALUE=text:${esc(c.id)}`);
  lines.push(`FN:${esc(c.name || c.emails[0] || c.company || '')}`);
  if (c.givenName || c.familyName) lines.push(`N:${esc(c.familyName)};${esc(c.givenName)};;;`);
  if (c.company) lines.push(`ORG:${esc(c.company)}`);
  if (c.jobTitle) lines.push(`TITLE:${esc(c.jobTitle)}`);
  c.emails.forEach((e, i) => {
    lines.push(`EMAIL${i === 0 ? ';PREF=1' : ''}:${esc(e)}`);
  });
  c.phones.forEach((p, i) => {
    lines.push(`TEL;VALUE=text${i === 0 ? ';PREF=1' : ''}:${esc(p)}`);
  });
  for (const u of allUrls(c.urls)) lines.push(`URL:${esc(u)}`);
  if (c.location) lines.push(`ADR;LABEL=${param(c.location)}:;;;;;;`);
  if (c.tags.length) lines.push(`CATEGORIES:${c.tags.map(esc).join(',')}`);
  if (c.notes) lines.push(`NOTE:${esc(c.notes)}`);
  lines.push(`REV:${stamp(c.updatedAt)}`);
  lines.push('END:VCARD');
  return lines.map(foldLine).join('');
}

/** The contacts as one vCard 4.0 file (for "export selected" and the Data view's vCard export). */
export function contactsToVcard(contacts: readonly Contact[]): string {
  return contacts.map(contactToVcard).join('');
}
