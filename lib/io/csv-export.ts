import Papa from 'papaparse';
import { currencyDigits } from '../i18n/money';
import type { Contact, Deal, Stage } from '../model';
import { guardFormulae } from './formula-guard';

/**
 * Columns of the CSV export: names HubSpot, Salesforce and Pipedrive recognise on import (and Prospector's own
 * import maps back exactly). One row per deal, with its contact's columns; a contact without deals gets one row.
 */
export const CSV_COLUMNS = [
  'Name',
  'First Name',
  'Last Name',
  'Job Title',
  'Company',
  'Email',
  'Additional Emails',
  'Phone',
  'Additional Phones',
  'LinkedIn',
  'Website',
  'Location',
  'Tags',
  'Notes',
  'Deal ID',
  'Deal Name',
  'Deal Stage',
  'Status',
  'Amount',
  'Currency',
  'Expected Close Date',
  'Close Date',
  'Deal Owner',
  'Create Date',
  'Lost Reason',
  'Source',
] as const;

/** An amount in minor units as a plain decimal ("1054.07", "1500000", "12.345"), exact. */
export function formatMinor(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (!digits) return String(minor);
  const s = String(minor).padStart(digits + 1, '0');
  return `${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

/** The calendar day of a time in the rep's time zone, YYYY-MM-DD. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function website(c: Contact): string {
  return [c.urls.website, c.urls.github, c.urls.x, ...c.urls.other].filter(Boolean).join('; ');
}

/** The export's rows (no header) for contacts and their deals. Deleted and merged-away records are left out. */
export function csvRows(
  contacts: readonly Contact[],
  dealsByContact: ReadonlyMap<string, readonly Deal[]>,
  stages: ReadonlyMap<string, Stage>,
): string[][] {
  const rows: string[][] = [];
  for (const c of contacts) {
    if (c.deletedAt !== null || c.mergedInto !== null) continue;
    const person = [
      c.name,
      c.givenName,
      c.familyName,
      c.jobTitle,
      c.company,
      c.emails[0] ?? '',
      c.emails.slice(1).join('; '),
      c.phones[0] ?? '',
      c.phones.slice(1).join('; '),
      c.urls.linkedin ?? '',
      website(c),
      c.location,
      c.tags.join('; '),
      c.notes,
    ];
    const deals = (dealsByContact.get(c.id) ?? []).filter((d) => d.deletedAt === null);
    if (!deals.length) {
      rows.push([...person, '', '', '', '', '', '', '', '', '', localDay(c.createdAt), '', c.source.site]);
      continue;
    }
    for (const d of deals) {
      rows.push([
        ...person,
        d.id,
        d.title,
        stages.get(d.stageId)?.name ?? d.stageId,
        d.outcome ?? 'open',
        d.amount === null ? '' : formatMinor(d.amount, d.currency),
        d.currency,
        d.expectedClose ?? '',
        d.closedAt === null ? '' : localDay(d.closedAt),
        d.owner,
        localDay(d.createdAt),
        d.lostReason,
        d.source,
      ]);
    }
  }
  return rows;
}

/**
 * Rows as CSV: every field quoted (a spreadsheet then never splits one at a , or ; inside it, nor drops its
 * leading zeros or spaces) and guarded against formulas (lib/io/formula-guard.ts).
 */
export function toCsv(rows: string[][], header: boolean): string {
  return Papa.unparse(
    { fields: header ? [...CSV_COLUMNS] : [], data: guardRows(rows) },
    { header, quotes: true, newline: '\r\n' },
  );
}

/** Any header and rows as CSV, quoted and formula-guarded like the export. */
export function toCsvWith(fields: readonly string[], rows: string[][]): string {
  return Papa.unparse({ fields: fields.map(guardFormulae), data: guardRows(rows) }, { quotes: true, newline: '\r\n' });
}

function guardRows(rows: string[][]): string[][] {
  return rows.map((row) => row.map(guardFormulae));
}

/** The contacts (and their deals) as a CSV file's text, with its header: "export selected" on the contacts table. */
export function contactsToCsv(contacts: readonly Contact[], deals: readonly Deal[], stages: readonly Stage[]): string {
  const byContact = new Map<string, Deal[]>();
  for (const d of deals) {
    const list = byContact.get(d.contactId);
    if (list) list.push(d);
    else byContact.set(d.contactId, [d]);
  }
  const rows = csvRows(contacts, byContact, new Map(stages.map((s) => [s.id, s])));
  return `${toCsv(rows, true).replace(/\r\n$/, '')}\r\n`;
}
